import AccordAPI
import ArgumentParser

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the log's verifier key, as signed-note writes it (name+hexkeyid+base64).",
        discussion: """
            The name is the log's origin. Give this key to auditors and witnesses by a channel you trust: \
            `accord verify --key`, `accord witness init --log-key` and verify.py check checkpoints with it.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let bytes = try await global.client.get(TransparencyRoute.verifierKey.pathTemplate)
        print(String(decoding: bytes, as: UTF8.self), terminator: "")
    }
}
