import AccordEngine
import ArgumentParser
import Foundation

/// Opens a data folder as accordd does at start (verify the chain, replay into the read models) and times it.
struct ReplayBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Time a start: verify a data folder's log and replay it into the read models.",
        discussion:
            "Use a stopped daemon's folder or a copy: opening takes the log's lock and, like accordd, sets aside a torn tail. "
            + "A valid ledger.snapshot in the folder is used, as accordd uses it (the output says so), and the clean close "
            + "writes one: remove it before a run to time a full replay."
    )

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder to open.", valueName: "path"))
    var dataDirectory: String

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let engine = try LedgerEngine.open(dataDirectory: dataDirectory, clock: { Date() }, progress: { _ in })
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let events = engine.eventCount
        try engine.close()
        let source: String
        if case .used(let position) = engine.snapshotOutcome {
            source = "verify + replay from the snapshot at \(position)"
        } else {
            source = "verify + replay"
        }
        print(
            "opened \(events) events in \(String(format: "%.2f", seconds)) s: \(Int(Double(events) / max(seconds, 1e-9))) events/s (\(source))"
        )
    }
}
