import AccordProof
import AccordTransparency
import Foundation

/// Reading the files an auditor hands to `accord verify` and `accord witness`: every failure is a usage error
/// (exit 64) that names the file and what it must hold.
enum ProofInputs {
    /// Files read whole are at most this large (a proof carries at most one record of 1 MiB, in base64).
    static let maximumFileBytes = 4 * 1_048_576

    static func text(of path: String, what: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(message: "cannot read \(what) \(path); check the path", exitCode: VerifyCommand.usage)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileBytes + 1)) ?? Data()
        guard data.count <= maximumFileBytes else {
            throw CommandFailure(
                message: "\(what) \(path) is larger than \(maximumFileBytes) bytes",
                exitCode: VerifyCommand.usage
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "\(what) \(path) is not UTF-8 text", exitCode: VerifyCommand.usage)
        }
        return text
    }

    /// A verifier key given as itself (`name+hexkeyid+base64`) or as a file holding it on one line.
    static func logKey(_ value: String) throws -> NoteVerifier {
        if let key = try? NoteVerifier(verifierKey: value) { return key }
        let text = try self.text(of: value, what: "the key file").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try NoteVerifier(verifierKey: text)
        } catch {
            throw CommandFailure(
                message: "\(value) is neither a verifier key (name+hexkeyid+base64, as `accord key` prints) nor a "
                    + "file holding one: \(error)",
                exitCode: VerifyCommand.usage
            )
        }
    }

    /// One checkpoint note, or a whole store / evidence `checkpoints` file (notes each followed by an empty line).
    static func checkpointNotes(_ path: String) throws -> [String] {
        var text = try self.text(of: path, what: "the checkpoint file")
        if !text.hasSuffix("\n\n") { text += "\n" }
        let notes = CheckpointStore.notes(inText: text)
        guard !notes.isEmpty else {
            throw CommandFailure(
                message: "\(path) holds no checkpoint note (origin, size, root, an empty line, signature lines)",
                exitCode: VerifyCommand.usage
            )
        }
        return notes
    }

    static func policy(_ path: String) throws -> WitnessPolicy {
        do {
            return try WitnessPolicy(parsing: try text(of: path, what: "the witness policy"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "the witness policy \(path): \(error)", exitCode: VerifyCommand.usage)
        }
    }
}
