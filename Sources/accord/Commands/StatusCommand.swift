import AccordAPI
import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's state: log head, event count, uptime, latest checkpoint, last verification."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let client = global.client
        let status = try await client.get("/v1/status", as: StatusReport.self)
        if global.json {
            try Console.printJSON(status)
            return
        }
        Rows.printFields([
            ("version", status.version),
            ("head position", String(status.head.position)),
            ("head hash", status.head.hash),
            ("events", String(status.eventCount)),
            ("started", status.startedAt),
            ("uptime", "\(status.uptimeSeconds) s"),
            ("data", status.dataDirectory),
            ("log file", "\(status.logFile) (\(status.logBytes) bytes)"),
            ("connections", String(status.connections)),
            ("appends", status.appendsRefused.map { "refused: \($0)" } ?? "taken"),
            ("socket", global.resolvedSocketPath),
            (
                "latest checkpoint",
                status.latestCheckpoint.map {
                    "tree size \($0.size), root \($0.root), signed by \($0.signers.joined(separator: ", "))"
                } ?? "none yet"
            ),
            (
                "last verification",
                status.lastVerification.map {
                    "\($0.result) at \($0.finishedAt): \($0.records) records, \($0.findings.count) findings"
                } ?? "none since the daemon started (accord verify)"
            ),
        ])
    }
}
