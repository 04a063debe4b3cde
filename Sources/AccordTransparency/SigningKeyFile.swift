import Crypto
import Foundation
import Glibc

/// Where the daemon's Ed25519 checkpoint key comes from: the systemd credential `accord-checkpoint-key`
/// (`LoadCredentialEncrypted=`, found in `$CREDENTIALS_DIRECTORY`), else the key file in the data folder, created
/// with mode 0600 at the first start. The file holds the 32-byte Ed25519 seed in base64 on one line (what
/// `openssl rand -base64 32` prints). A key that its group or others may read is refused.
public struct SigningKeyFile: Sendable {
    public let path: String
    /// True when the key came from a systemd credential.
    public let isCredential: Bool

    public static let credentialName = "accord-checkpoint-key"
    public static let fileName = "checkpoint-signing.key"
    static let maximumFileBytes = 4_096

    public init(path: String, isCredential: Bool) {
        self.path = path
        self.isCredential = isCredential
    }

    /// The credential when systemd passed one, else the data folder's key file.
    public static func locate(environment: [String: String], dataDirectory: String) -> SigningKeyFile {
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let path = "\(directory)/\(credentialName)"
            if FileManager.default.fileExists(atPath: path) { return SigningKeyFile(path: path, isCredential: true) }
        }
        return SigningKeyFile(path: "\(dataDirectory)/\(fileName)", isCredential: false)
    }

    /// Reads the key; creates the key file first if it is missing (never a credential).
    public func load() throws(TransparencyError) -> Curve25519.Signing.PrivateKey {
        if !isCredential, !FileManager.default.fileExists(atPath: path) { try create() }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open", errno: Glibc.errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("cannot inspect", errno: Glibc.errno) }
        guard status.st_mode & 0o077 == 0 else {
            throw TransparencyError(
                code: TransparencyErrorCode.signingKeyExposed,
                message: "the checkpoint signing key \(path) may be read by its group or others (mode "
                    + "\(String(status.st_mode & 0o777, radix: 8))); whoever reads it can sign checkpoints in this "
                    + "log's name. Make it private (chmod 600 \(path)) and consider the key compromised: replace it "
                    + "and tell the witnesses."
            )
        }
        var bytes = [UInt8](repeating: 0, count: Self.maximumFileBytes + 1)
        let count = read(descriptor, &bytes, bytes.count)
        guard count >= 0 else { throw failure("cannot read", errno: Glibc.errno) }
        return try Self.parse(Array(bytes[0..<count]), path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(TransparencyError) -> Curve25519.Signing.PrivateKey {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard bytes.count <= maximumFileBytes, let seed = Data(base64Encoded: text), seed.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        else {
            throw TransparencyError(
                code: TransparencyErrorCode.signingKeyUnusable,
                message: "\(path) does not hold a checkpoint signing key: it must be one line with a 32-byte "
                    + "Ed25519 seed in base64 (as `openssl rand -base64 32` prints)"
            )
        }
        return key
    }

    /// Writes a new key to a temporary file created 0600, makes it durable, then links it into place (never over
    /// an existing key).
    private func create() throws(TransparencyError) {
        let key = Curve25519.Signing.PrivateKey()
        let line = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let temporary = "\(path).creating-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", errno: Glibc.errno) }
        let written = write(descriptor, line, line.count)
        let synchronized = fsync(descriptor)
        close(descriptor)
        defer { unlink(temporary) }
        guard written == line.count, synchronized == 0 else { throw failure("cannot write", errno: Glibc.errno) }
        guard link(temporary, path) == 0 || Glibc.errno == EEXIST else {
            throw failure("cannot create", errno: Glibc.errno)
        }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private func failure(_ doing: String, errno: Int32) -> TransparencyError {
        TransparencyError(
            code: TransparencyErrorCode.signingKeyUnusable,
            message: "\(doing) the checkpoint signing key \(path): \(String(cString: strerror(errno))) (errno "
                + "\(errno)). Check the path and its permissions"
                + (isCredential ? " and the unit's LoadCredentialEncrypted= line." : ".")
        )
    }
}
