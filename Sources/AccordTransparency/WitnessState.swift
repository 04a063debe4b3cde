import AccordProof
import Crypto
import Foundation
import Glibc

/// A witness's folder: its cosigning key (`witness.key`, 0600), its name, the log key it follows (`log.key`) and
/// the last checkpoint it cosigned (`state`: size and root), replaced atomically and made durable before any
/// cosignature leaves the witness, so a crash can never let it cosign something inconsistent with what it said.
public struct WitnessState: Sendable {
    public let directory: String
    public let name: String
    public let logKey: NoteVerifier
    public let signer: CosignatureSigner
    /// The last checkpoint cosigned; nil before the first.
    public let cosigned: (size: UInt64, root: TreeHash)?

    static let nameFile = "name"
    static let logKeyFile = "log.key"
    static let keyFile = "witness.key"
    static let stateFile = "state"

    /// Creates the folder (0700) with a new key; refuses a folder that already holds a witness.
    public static func create(directory: String, name: String, logKey: NoteVerifier) throws(TransparencyError)
        -> WitnessState
    {
        if FileManager.default.fileExists(atPath: "\(directory)/\(keyFile)") {
            throw unusable("\(directory) already holds a witness; choose another --state folder")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            _ = try CosignatureSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
            _ = try SigningKeyFile(path: "\(directory)/\(keyFile)", isCredential: false).load()
            try Data((name + "\n").utf8).write(to: URL(fileURLWithPath: "\(directory)/\(nameFile)"), options: .atomic)
            try Data((logKey.verifierKey + "\n").utf8).write(
                to: URL(fileURLWithPath: "\(directory)/\(logKeyFile)"),
                options: .atomic
            )
        } catch let error as TransparencyError {
            throw error
        } catch {
            throw unusable("cannot create the witness \(name) in \(directory): \(error)")
        }
        return try load(directory: directory)
    }

    public static func load(directory: String) throws(TransparencyError) -> WitnessState {
        let name = try line(directory, nameFile)
        let logKey: NoteVerifier
        let signer: CosignatureSigner
        guard FileManager.default.fileExists(atPath: "\(directory)/\(keyFile)") else {
            throw unusable("\(directory)/\(keyFile) is missing: restore the witness's key, or start a new witness")
        }
        do {
            logKey = try NoteVerifier(verifierKey: try line(directory, logKeyFile))
            let key = try SigningKeyFile(path: "\(directory)/\(keyFile)", isCredential: false).load()
            signer = try CosignatureSigner(name: name, privateKey: key)
        } catch let error as TransparencyError {
            throw error
        } catch {
            throw unusable("\(directory): \(error)")
        }
        var cosigned: (UInt64, TreeHash)?
        if FileManager.default.fileExists(atPath: "\(directory)/\(stateFile)") {
            let lines = try line(directory, stateFile).split(separator: "\n")
            guard lines.count == 2, lines[0].hasPrefix("size "), let size = UInt64(lines[0].dropFirst(5)),
                lines[1].hasPrefix("root "), let root = TreeHash(base64: String(lines[1].dropFirst(5)))
            else {
                throw unusable(
                    "\(directory)/\(stateFile) is damaged (it must be `size N` and `root BASE64`); restore it from a "
                        + "backup: it is what keeps this witness from cosigning a rolled-back log"
                )
            }
            cosigned = (size, root)
        }
        return WitnessState(directory: directory, name: name, logKey: logKey, signer: signer, cosigned: cosigned)
    }

    /// Records `checkpoint` as the last cosigned: written to a temporary file, fsynced, renamed over the state,
    /// and the folder fsynced, all before the caller may hand out the cosignature.
    public func recording(_ checkpoint: Checkpoint) throws(TransparencyError) -> WitnessState {
        let path = "\(directory)/\(Self.stateFile)"
        let temporary = "\(path).new"
        let bytes = Array("size \(checkpoint.size)\nroot \(checkpoint.root.base64)\n".utf8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.unusable("cannot write \(temporary): errno \(Glibc.errno)") }
        let written = write(descriptor, bytes, bytes.count)
        let synchronized = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synchronized == 0, rename(temporary, path) == 0 else {
            throw Self.unusable("cannot record the cosigned size in \(path): errno \(Glibc.errno)")
        }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0, fsync(folder) == 0 else {
            throw Self.unusable("cannot make \(path) durable: errno \(Glibc.errno)")
        }
        close(folder)
        return WitnessState(
            directory: directory,
            name: name,
            logKey: logKey,
            signer: signer,
            cosigned: (checkpoint.size, checkpoint.root)
        )
    }

    private static func line(_ directory: String, _ file: String) throws(TransparencyError) -> String {
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(file)"), data.count <= 4_096,
            let text = String(data: data, encoding: .utf8)
        else {
            throw unusable(
                "cannot read \(directory)/\(file): is \(directory) a witness folder made by `accord witness init`?"
            )
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func unusable(_ message: String) -> TransparencyError {
        TransparencyError(code: TransparencyErrorCode.witnessStateUnusable, message: message)
    }
}
