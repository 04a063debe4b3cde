import AccordAPI
import AccordProof
import ArgumentParser
import Foundation

/// `accord verify --checkpoint OLD_FILE`: the daemon's latest checkpoint extends a checkpoint kept from before,
/// proven by a consistency proof checked here.
struct ConsistencyVerification {
    let global: GlobalOptions
    let key: String?

    func run(oldFile: String) async throws {
        let client = global.client
        let logKey: NoteVerifier
        if let key {
            logKey = try ProofInputs.logKey(key)
        } else {
            let text = String(decoding: try await client.get(TransparencyRoute.verifierKey.pathTemplate), as: UTF8.self)
            logKey = try NoteVerifier(verifierKey: text.trimmingCharacters(in: .whitespacesAndNewlines))
            Console.standardError(
                "notice: checking with the key the daemon gives (\(logKey.verifierKey)); pass --key to check with one "
                    + "you obtained yourself"
            )
        }
        let notes = try ProofInputs.checkpointNotes(oldFile)
        guard notes.count == 1 else {
            throw CommandFailure(
                message: "\(oldFile) holds \(notes.count) checkpoints; give one (the old checkpoint you kept)",
                exitCode: VerifyCommand.usage
            )
        }
        let old = try Self.open(notes[0], logKey: logKey, what: "the old checkpoint \(oldFile)")
        let answer = try await client.get(
            TransparencyRoute.consistencyProof.pathTemplate,
            query: [("from", String(old.size))],
            as: ConsistencyProofView.self
        )
        let new = try Self.open(answer.checkpoint, logKey: logKey, what: "the daemon's latest checkpoint")
        let hashes = answer.hashes.compactMap(TreeHash.init(base64:))
        guard answer.oldSize == old.size, answer.newSize == new.size, hashes.count == answer.hashes.count else {
            throw ProofVerification.manipulation(
                "the daemon's consistency proof does not match the checkpoints it names"
            )
        }
        do {
            try ConsistencyProof.verify(
                oldSize: old.size,
                newSize: new.size,
                oldRoot: old.root,
                newRoot: new.root,
                proof: hashes
            )
        } catch {
            throw ProofVerification.manipulation(
                "the log no longer extends \(oldFile) (tree size \(old.size), root \(old.root.base64)): the "
                    + "consistency proof to tree size \(new.size) fails (\(error)). Records up to position "
                    + "\(old.size) were changed or the log was rolled back."
            )
        }
        Rows.printFields([
            ("old checkpoint", "tree size \(old.size), root \(old.root.base64)"),
            ("latest checkpoint", "tree size \(new.size), root \(new.root.base64)"),
            ("result", "consistent: the log's first \(old.size) records are the ones \(oldFile) signed"),
        ])
    }

    static func open(_ text: String, logKey: NoteVerifier, what: String) throws -> Checkpoint {
        do {
            return try Checkpoint.verified(note: try SignedNote(parsing: text), by: logKey, origin: logKey.name)
        } catch {
            throw ProofVerification.manipulation(
                "\(what) is not a checkpoint signed by \(logKey.verifierKey): \(error)"
            )
        }
    }
}
