import Foundation
import XCTest

/// Compares what `accord` printed and how it exited with a file under Golden/, so a change to a table, a help text
/// or an exit code shows up as a diff. Run with ACCORD_UPDATE_GOLDEN=1 to write the files anew, then read the diff.
struct GoldenTranscript {
    var name: String
    private var text = ""

    init(name: String) {
        self.name = name
    }

    /// Adds one run: the command line, its exit code, and its output with the run's own paths made generic.
    mutating func add(_ arguments: [String], _ result: CommandResult, replacing paths: [String: String] = [:]) {
        var entry = "$ accord \(arguments.joined(separator: " "))\nexit \(result.exitCode)\n"
        if !result.standardOutput.isEmpty { entry += result.standardOutput }
        if !result.standardError.isEmpty { entry += "stderr:\n" + result.standardError }
        for (path, placeholder) in paths { entry = entry.replacingOccurrences(of: path, with: placeholder) }
        text += entry + "\n"
    }

    func verify(file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != text else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        XCTFail(
            """
            \(url.path) differs from the output at line \(first + 1):
            expected: \(first < expectedLines.count ? String(expectedLines[first]) : "(end)")
            actual:   \(first < actualLines.count ? String(actualLines[first]) : "(end)")
            (ACCORD_UPDATE_GOLDEN=1 writes the new output; then read the diff)
            whole output:
            \(text)
            """,
            file: file,
            line: line
        )
    }
}
