import AccordAPI
import AccordTransparency
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole history as JSON Lines (one event a line, oldest first), or an evidence folder.",
        discussion: """
            Without --evidence: each line holds the event's position, hash, previous hash, recorded time, author, \
            stream, request id and the event itself (type and payload), as `accord log --json` prints them, and \
            the record's exact bytes (`frame`, base64), so that `accord import FILE` (or `accordd --import FILE`, \
            offline) can verify every hash and the chain before it loads the file into an empty ledger. With --output, the file \
            is written beside its final name, made durable, then renamed, so a file with that name is always \
            whole; a progress bar shows on a terminal. It reads GET /v1/events, so the reader role suffices.
            """ + "\n\n" + EvidenceExport.discussion
    )

    @Option(
        help: ArgumentHelp(
            "Write the JSON Lines to this file instead of standard output (it must not exist yet).",
            valueName: "file"
        )
    )
    var output: String?

    @Option(
        name: .customLong("evidence"),
        help: ArgumentHelp(
            "Write an evidence folder here instead of JSON Lines (created; must be empty).",
            valueName: "dir"
        )
    )
    var evidence: String?

    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp(
            "With --evidence: the witness policy to include (default: `quorum none`, no witness required).",
            valueName: "file"
        )
    )
    var policyFile: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if evidence != nil, output != nil {
            throw ValidationError("--output writes JSON Lines and --evidence a folder; give one of them")
        }
        if evidence == nil, policyFile != nil {
            throw ValidationError("--policy goes with --evidence DIR")
        }
    }

    func run() async throws {
        if let evidence {
            try await EvidenceExport(evidence: evidence, policyFile: policyFile, global: global).run()
            return
        }
        let client = global.client
        let head = try await client.get("/v1/status", as: StatusReport.self).head.position
        let destination = try ExportDestination(path: output)
        let showProgress = output != nil && isatty(STDERR_FILENO) == 1
        var next: UInt64? = head == 0 ? nil : 1
        var written: UInt64 = 0
        while let position = next, position <= head {
            let page = try await client.get(
                "/v1/events",
                query: [("from", String(position)), ("limit", "1000"), ("frames", "true")],
                as: EventPage.self
            )
            for event in page.events where event.position <= head {
                try destination.write(JSONCoding.encoder.encode(event) + Data("\n".utf8))
                written += 1
            }
            next = page.nextPosition
            if showProgress { ProgressBar.draw("", done: written, of: head, unit: "events") }
        }
        try destination.finish()
        if output != nil {
            if showProgress { ProgressBar.end() }
            Console.standardError("exported \(written) events (positions 1 to \(head)) to \(output ?? "")")
        }
    }
}
