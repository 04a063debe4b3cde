import AccordAPI
import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show the daemon's state and health: log head, event count, uptime, writer, disk space, latest checkpoint, last verification.",
        discussion: """
            Exits 0 when the daemon is healthy, 4 when it answers but is not (its log writer failed, refuses appends \
            on a full disk or waits on the disk, the disk holding its data is nearly full: under 5% or 100 MiB free, a personal-data file is damaged, or its \
            last verification found a manipulation), 3 when it cannot be reached.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let client = global.client
        let status = try await client.get("/v1/status", as: StatusReport.self)
        if global.json {
            try Console.printJSON(status)
        } else {
            show(status)
        }
        if status.health?.healthy == false { throw ExitCode(ExitStatus.unhealthy) }
    }

    /// "2 files damaged of 40 (checked at …)", "40 files, none damaged (checked at …)", or "being checked".
    private static func personalData(_ health: HealthReport) -> String {
        guard let files = health.personalDataFiles, let damaged = health.personalDataDamaged,
            let checkedAt = health.personalDataCheckedAt
        else { return "being checked (accord status again in a moment)" }
        let finding = damaged == 0 ? "\(Plural.count(files, "file")), none damaged" : "\(damaged) damaged of \(files)"
        return "\(finding) (checked at \(checkedAt))"
    }

    private func show(_ status: StatusReport) {
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
            ("health", status.health.map { $0.healthy ? "ok" : "UNHEALTHY" } ?? "not reported by this daemon"),
            ("writer", status.health?.writer),
            ("disk free", status.health.map { "\($0.diskFreeBytes / 1_048_576) MiB of \($0.diskTotalBytes / 1_048_576) MiB" }),
            ("personal data", status.health.map(StatusCommand.personalData)),
            (
                "latest checkpoint",
                status.latestCheckpoint.map {
                    "tree size \($0.size), root \($0.root), signed by \($0.signers.joined(separator: ", "))"
                } ?? "none yet"
            ),
            (
                "last verification",
                status.lastVerification.map {
                    "\($0.result) at \($0.finishedAt): \(Plural.count(Int($0.records), "record")), "
                        + Plural.count($0.findings.count, "finding")
                } ?? "none since the daemon started (accord verify)"
            ),
        ])
        for problem in status.health?.problems ?? [] { Console.standardError(Console.errorLine(problem)) }
    }
}
