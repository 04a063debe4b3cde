import AccordAPI
import AccordClient
import Foundation
import Rainbow
import TextTable

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
        let message = visible(message, on: STDERR_FILENO)
        return colourEnabled ? "\("error:".red.bold) \(message)" : "error: \(message)"
    }

    /// The error as the API's JSON error body, for scripts that asked for `--json`.
    static func errorJSON(_ error: ClientError) -> String {
        let envelope = ErrorEnvelope(
            error: APIError(code: error.code, message: error.message, field: error.field, id: error.id)
        )
        guard let data = try? JSONCoding.encoder.encode(envelope) else { return errorLine(error.message) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Text from the ledger as a terminal may show it: control characters (which could move the cursor, clear
    /// the screen or retitle the window) and bidirectional overrides are written as visible escapes such as
    /// `\u{1B}`. The daemon refuses them in new input; this guards what older or hostile data may hold.
    static func visible(_ text: String, on descriptor: Int32 = STDOUT_FILENO) -> String {
        guard isatty(descriptor) == 1 else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let unsafe =
                (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if unsafe {
                result.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func emphasis(_ text: String) -> String {
        colourEnabled ? text.bold : text
    }

    /// Pretty JSON with sorted keys, for `--json`.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let data = try JSONCoding.prettyEncoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// An aligned table; an empty one prints a line saying so instead.
    static func printTable(_ titles: [String], _ rows: [[String]], empty: String) {
        guard !rows.isEmpty else {
            print(empty)
            return
        }
        // A line break or tab inside a value would break the table's alignment; show them as spaces.
        let cleaned = rows.map { row in
            row.map { visible($0.replacing(/[\n\r\t]/, with: " ")) }
        }
        let table = TextTable<[String]> { row in
            titles.indices.map { Column(title: titles[$0], value: row[$0]) }
        }
        print(table.string(for: cleaned, style: Style.simple) ?? "", terminator: "")
    }
}
