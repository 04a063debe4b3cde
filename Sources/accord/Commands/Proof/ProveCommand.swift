import AccordAPI
import ArgumentParser
import Foundation

struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Write a self-contained proof that a record is in the log (c2sp.org/tlog-proof@v1).",
        discussion: """
            The proof holds the record itself (its frame, base64, on the `extra` line), its index (position - 1), \
            the Merkle inclusion path, and the latest checkpoint with its signatures; the daemon signs a new \
            checkpoint first if the latest does not cover the record. Anyone can check it without the daemon: \
            `accord verify --proof FILE --key KEY`.
            """
    )

    @Argument(help: ArgumentHelp("Position of the record to prove (1 is the first).", valueName: "position"))
    var position: UInt64

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp("Write the proof to this file instead of standard output.", valueName: "file")
    )
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard position >= 1 else { throw ValidationError("the position of the first record is 1") }
    }

    func run() async throws {
        let bytes = try await global.client.get(TransparencyRoute.inclusionProof.path(position: position))
        guard let output else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(message: "cannot write the proof to \(output): \(error.localizedDescription)")
        }
        Console.standardError("proof of record \(position) written to \(output)")
    }
}
