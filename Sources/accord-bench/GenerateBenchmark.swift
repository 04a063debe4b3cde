import AccordDomain
import AccordEngine
import AccordLog
import ArgumentParser
import Foundation

/// Writes a data folder with a log of N institution registrations, as fast as the log writer takes them: the input
/// of the start and replay measurements at sizes the daemon would take minutes to record.
struct GenerateBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract:
            "Write a data folder whose log holds --events institution registrations (for replay and start times).",
        discussion: "The folder must not hold a log yet. Records are appended in rounds of 10000, each fdatasynced."
    )

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder to create.", valueName: "path"))
    var dataDirectory: String
    @Option(help: "Events to write (1 to 100000000).")
    var events = 1_000_000

    func validate() throws {
        guard (1...100_000_000).contains(events) else {
            throw ValidationError("--events must be between 1 and 100000000")
        }
    }

    func run() async throws {
        let logPath = "\(dataDirectory)/\(LedgerEngine.logFileName)"
        guard !FileManager.default.fileExists(atPath: logPath) else {
            throw ValidationError("\(logPath) exists already; choose an empty folder")
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let (writer, _) = try LogWriter.open(path: .init(logPath))
        var written = 0
        while written < events {
            let count = min(10_000, events - written)
            let drafts = try (written..<(written + count)).map { index in
                let event = Event.institutionRegistered(
                    InstitutionRegistered(
                        institutionID: "generated-\(index)",
                        name: "Generated institution \(index)",
                        country: "FR",
                        kind: .other
                    )
                )
                return RecordDraft(
                    recordedAtMicroseconds: 1_767_657_600_000_000 + Int64(index),
                    authorUserID: 0,
                    authorName: "root",
                    eventType: event.typeName,
                    streamID: event.streamID,
                    payload: Array(try event.encodedPayload())
                )
            }
            _ = try await writer.append(drafts)
            written += count
        }
        try writer.close()
        print("wrote \(written) events to \(logPath)")
    }
}
