import AccordAPI
import AccordClient
import Foundation
import Rainbow

/// Output for people (aligned tables, colour only on a terminal and never with NO_COLOR) and for scripts (JSON).
enum Console {
    static let colourEnabled: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }()

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func errorLine(_ message: String) -> String {
        // A message may quote what the daemon was sent; its own line breaks stay, any other control is shown.
        let message = VisibleText.escaped(message, keepingLineBreaks: true)
        return colourEnabled ? "\("error:".red.bold) \(message)" : "error: \(message)"
    }

    /// The error as the API's JSON error body, for scripts that asked for `--json`.
    static func errorJSON(_ error: APIError) -> String {
        let envelope = ErrorEnvelope(error: error)
        guard let data = try? JSONCoding.encoder.encode(envelope) else { return errorLine(error.message) }
        return String(decoding: data, as: UTF8.self)
    }

    static func emphasis(_ text: String) -> String {
        colourEnabled ? text.bold : text
    }

    /// Pretty JSON with sorted keys, for `--json`.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let data = try JSONCoding.prettyEncoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// An aligned table fitted to `width` columns (see Table); an empty one prints a line saying so instead.
    static func printTable(
        _ titles: [String],
        _ rows: [[String]],
        empty: String,
        width: Int? = TerminalWidth.current()
    ) {
        guard !rows.isEmpty else {
            print(empty)
            return
        }
        for line in Table(titles: titles, rows: rows).lines(maximumWidth: width) { print(line) }
    }
}
