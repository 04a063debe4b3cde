import Foundation
import XCTest

/// Runs the README's walk-through exactly as written, with the real binaries, so the README cannot drift.
final class ReadmeWalkthroughTests: XCTestCase {
    func testTheReadmeWalkthroughWorksAsWritten() async throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../README.md"
        )
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try XCTUnwrap(text.range(of: "## Walk-through"), "the README has a walk-through section")
        let afterHeading = text[section.upperBound...]
        let start = try XCTUnwrap(afterHeading.range(of: "```sh\n"))
        let end = try XCTUnwrap(afterHeading[start.upperBound...].range(of: "```"))
        let script = String(afterHeading[start.upperBound..<end.lowerBound])
        XCTAssertTrue(script.contains("accord agreement sign"), script)

        let ledger = try LedgerFixture()
        try await ledger.start()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(BuiltProducts.folder):\(environment["PATH"] ?? "/usr/bin:/bin")"
        environment["ACCORD_SOCKET"] = ledger.socketPath
        environment["NO_COLOR"] = "1"
        // The walk-through's files go to a folder it makes with mktemp: inside the test's own.
        environment["TMPDIR"] = ledger.folder.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "the walk-through stopped on an error:\n\(printed)")
        for expected in [
            "s-2026-001", "g-2026-001", "cnrs-jrc-mou-2026", "in force", "Camille Martin", "SecondmentStarted",
            "head position",
        ] {
            XCTAssertTrue(printed.contains(expected), "the walk-through's output lacks \(expected):\n\(printed)")
        }
    }
}
