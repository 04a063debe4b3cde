import AccordAPI
import AccordLog
import AccordProof
import ArgumentParser
import Foundation

/// `accord verify --proof FILE --key KEY`: the record carried by the proof, its inclusion in the checkpointed
/// tree, the checkpoint's signature and origin, and (with a policy) its witnesses; no daemon involved.
enum ProofVerification {
    static func run(proofFile: String, key: NoteVerifier, policyFile: String?) throws {
        let bundle: ProofBundle
        do {
            bundle = try ProofBundle(parsing: try ProofInputs.text(of: proofFile, what: "the proof"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(proofFile) is not a proof: \(error)", exitCode: VerifyCommand.usage)
        }
        guard let frame = bundle.extra else {
            throw manipulation("\(proofFile) carries no record (no extra line); `accord prove` always writes one")
        }
        let record: Record
        do {
            record = try Record(frame: frame)
        } catch {
            throw manipulation("the record in \(proofFile) is damaged: \(error.message)")
        }
        guard record.position == bundle.index + 1 else {
            throw manipulation(
                "the record in \(proofFile) has position \(record.position) but the proof is for index "
                    + "\(bundle.index) (position \(bundle.index + 1))"
            )
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try bundle.verify(entry: record.hash, log: key, origin: key.name)
        } catch {
            throw manipulation("the proof does not hold: \(error)")
        }
        Rows.printFields([
            ("record", "position \(record.position), \(record.eventType), stream \(record.streamID)"),
            (
                "recorded",
                RecordedTime.format(Date(timeIntervalSince1970: Double(record.recordedAtMicroseconds) / 1_000_000))
            ),
            ("author", "\(record.authorName) (uid \(record.authorUserID))"),
            ("payload", String(decoding: record.payload, as: UTF8.self)),
            ("hash", record.hashHex),
            ("checkpoint", "\(checkpoint.origin), tree size \(checkpoint.size), root \(checkpoint.root.base64)"),
            ("signed by", bundle.checkpoint.signatures.map(\.name).joined(separator: ", ")),
        ])
        guard let policyFile else {
            print("proof verified: record \(record.position) is in the log signed by \(key.verifierKey)")
            return
        }
        let policy = try ProofInputs.policy(policyFile)
        let witnesses: Set<String>
        do {
            witnesses = Set(try policy.cosigners(of: bundle.checkpoint, checkpoint: checkpoint).keys)
        } catch {
            throw manipulation("a cosignature of the proof's checkpoint does not verify: \(error)")
        }
        guard policy.isSatisfied(by: witnesses) else {
            print(
                "gap: the checkpoint is short of the policy's quorum; missing: "
                    + policy.missing(given: witnesses).joined(separator: ", ")
            )
            throw ExitCode(VerifyCommand.gap)
        }
        print(
            "proof verified: record \(record.position) is in the log, cosigned by "
                + witnesses.sorted().joined(separator: ", ")
        )
    }

    static func manipulation(_ message: String) -> CommandFailure {
        CommandFailure(message: "manipulation: \(message)", exitCode: VerifyCommand.manipulation)
    }
}
