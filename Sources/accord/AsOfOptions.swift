import AccordAPI
import AccordClient
import ArgumentParser

/// `--as-of-position` and `--as-of`: read a view as the ledger stood at a past position or recorded time (what it
/// knew then), combinable with `--on` (what was in force that day). The answer says which position it reflects.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of-position"),
        help: ArgumentHelp(
            "Show the view as it stood once the event at this position was recorded (1 to the head).",
            valueName: "N"
        )
    )
    var position: UInt64?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show the view as the ledger knew it at this recorded time, ISO 8601 with its zone (2026-01-06T09:30:00Z).",
            valueName: "time"
        )
    )
    var recordedAt: String?

    static let flags: FlagNames = ["asOfPosition": "--as-of-position", "asOfRecorded": "--as-of"]

    func validate() throws {
        if position != nil, recordedAt != nil {
            throw ValidationError("give --as-of-position or --as-of, not both: each names one past state of the ledger")
        }
        if let recordedAt, RecordedTime.parse(recordedAt) == nil {
            throw ValidationError(
                "--as-of must be a time in ISO 8601 with its zone, such as 2026-03-01T09:00:00Z, not \"\(recordedAt.prefix(40))\""
            )
        }
    }

    var isPast: Bool { position != nil || recordedAt != nil }

    /// Reads the view with the as-of parameters added; when one was given, says which position the answer reflects
    /// (first on stdout above a table, on stderr with --json so the JSON stays as it is).
    func read<Value: Decodable>(
        _ path: String,
        query: [(String, String?)] = [],
        as type: Value.Type,
        global: GlobalOptions
    ) async throws -> Value {
        let asked = query + [("asOfPosition", position.map(String.init)), ("asOfRecorded", recordedAt)]
        let answer: (value: Value, position: UInt64?, recordedAt: String?)
        do {
            answer = try await global.client.read(path, query: asked, as: type)
        } catch {
            throw AsOfOptions.flags.rewrite(error)
        }
        if isPast, let reflected = answer.position {
            let line = "as of position \(reflected)" + (answer.recordedAt.map { ", recorded \($0)" } ?? "")
            if global.json { Console.standardError(line) } else { print(line + "\n") }
        }
        return answer.value
    }
}
