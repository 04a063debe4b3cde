import AccordAPI
import ArgumentParser

struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the latest signed checkpoint, with its cosignatures, exactly as the daemon stored it.",
        discussion: """
            A checkpoint (C2SP tlog-checkpoint) is a signed note: the log's origin, its number of records, the \
            base64 Merkle root of those records, an empty line, then one signature line per signer (the log's key, \
            then the witnesses). Keep one: `accord verify --checkpoint FILE` later proves that the log still \
            extends it. The daemon signs one every checkpointIntervalSeconds while the log grows.
            """
    )

    @Flag(name: .customLong("sign"), help: "Ask the daemon to sign a checkpoint of the current log first, if it grew.")
    var sign = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let client = global.client
        let bytes =
            sign
            ? try await client.post(TransparencyRoute.signCheckpoint.pathTemplate)
            : try await client.get(TransparencyRoute.latestCheckpoint.pathTemplate)
        print(String(decoding: bytes, as: UTF8.self), terminator: "")
    }
}
