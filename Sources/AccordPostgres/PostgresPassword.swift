import AccordLog
import Foundation

/// The store's password: read from a file (`--store-password-file`) or a systemd credential, never from the
/// command line or the address.
public enum PostgresPassword {
    /// The credential `LoadCredential=` or `LoadCredentialEncrypted=` should give it, read from
    /// `$CREDENTIALS_DIRECTORY`.
    public static let credentialName = "accord-postgresql-password"

    /// A password file holds one line; more is a mistake.
    static let maximumBytes = 4_096

    /// The password from `file` when given, else from the systemd credential when there is one, else none (peer
    /// or trust authentication, as on a local Unix socket).
    public static func load(file: String?, environment: [String: String]) throws(LogError) -> String? {
        let path: String
        if let file {
            path = file
        } else if let credentials = environment["CREDENTIALS_DIRECTORY"],
            FileManager.default.fileExists(atPath: "\(credentials)/\(credentialName)")
        {
            path = "\(credentials)/\(credentialName)"
        } else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError(
                code: PostgresErrorCode.passwordUnreadable,
                message: "cannot read the PostgreSQL password file \(path); check that it exists and that accordd may read it"
            )
        }
        guard data.count <= maximumBytes, let text = String(data: data, encoding: .utf8) else {
            throw LogError(
                code: PostgresErrorCode.passwordUnreadable,
                message: "\(path) is not a password: it must be one line of UTF-8 text, at most \(maximumBytes) bytes"
            )
        }
        // One trailing newline is how editors and `echo` end a file; it is not part of the password.
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
