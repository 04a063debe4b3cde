import AccordAPI
import AccordProof
import AccordTransparency
import ArgumentParser
import Foundation

struct WitnessCosignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Cosign the log's latest checkpoint if it extends the last one this witness cosigned.",
        discussion: """
            The witness never cosigns a checkpoint smaller than, or not consistent with, the last one it cosigned, \
            and says why. The new size is recorded (fsync) before the cosignature is sent.
            """
    )

    @Option(name: .customLong("state"), help: ArgumentHelp("The witness's folder.", valueName: "dir"))
    var state: String

    @OptionGroup var global: GlobalOptions

    static let refused: Int32 = 1

    func run() async throws {
        let witness: WitnessState
        do {
            witness = try WitnessState.load(directory: state)
        } catch {
            throw CommandFailure(message: error.message)
        }
        let client = global.client
        let noteText = String(
            decoding: try await client.get(TransparencyRoute.latestCheckpoint.pathTemplate),
            as: UTF8.self
        )
        let note: SignedNote
        let checkpoint: Checkpoint
        do {
            note = try SignedNote(parsing: noteText)
            checkpoint = try Checkpoint.verified(note: note, by: witness.logKey, origin: witness.logKey.name)
        } catch {
            throw CommandFailure(
                message: "refused to cosign: the latest checkpoint is not signed by the log key "
                    + "\(witness.logKey.verifierKey): \(error)",
                exitCode: Self.refused
            )
        }
        var proof: [TreeHash] = []
        if let (size, _) = witness.cosigned, size > 0, size < checkpoint.size {
            let answer = try await client.get(
                TransparencyRoute.consistencyProof.pathTemplate,
                query: [("from", String(size)), ("to", String(checkpoint.size))],
                as: ConsistencyProofView.self
            )
            proof = answer.hashes.compactMap(TreeHash.init(base64:))
        }
        let recorded: WitnessState
        let cosignature: NoteSignature
        do {
            try WitnessCheck.check(checkpoint, state: witness, proof: proof)
            recorded = try witness.recording(checkpoint)
        } catch {
            throw CommandFailure(message: "\(witness.name): \(error.message)", exitCode: Self.refused)
        }
        do {
            cosignature = try recorded.signer.cosign(
                checkpoint: checkpoint,
                timestampSeconds: UInt64(Date().timeIntervalSince1970)
            )
        } catch {
            throw CommandFailure(message: "cannot cosign: \(error)", exitCode: Self.refused)
        }
        let cosigned = SignedNote(text: note.text, signatures: [cosignature]).serialized
        _ = try await client.post(TransparencyRoute.addCosignature.pathTemplate, text: cosigned)
        print("\(witness.name) cosigned the checkpoint of \(checkpoint.size) records (root \(checkpoint.root.base64))")
    }
}
