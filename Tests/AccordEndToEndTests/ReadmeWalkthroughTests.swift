import Foundation
import XCTest

/// Runs the README's walk-through exactly as written, with the real binaries, so the README cannot drift.
final class ReadmeWalkthroughTests: XCTestCase {
    func testTheReadmeWalkthroughWorksAsWritten() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ReadmeWalkthroughTests.runWalkthrough(socketPath: ledger.socketPath, temporaryFolder: ledger.folder.path)
    }

    /// The walk-through's commands, as the README has them.
    static func walkthroughScript() throws -> String {
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
        return script
    }

    /// Runs the walk-through against the daemon on `socketPath` and checks what it printed; its files go to a folder
    /// it makes in `temporaryFolder`; `stoppingBefore` ends it at the first line holding that text.
    static func runWalkthrough(
        socketPath: String,
        temporaryFolder: String,
        stoppingBefore end: String? = nil,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        var script = try walkthroughScript()
        if let end {
            let cut = try XCTUnwrap(script.range(of: end), "the walk-through has \(end)", file: file, line: line)
            script = String(script[..<cut.lowerBound])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(BuiltProducts.folder):\(environment["PATH"] ?? "/usr/bin:/bin")"
        environment["ACCORD_SOCKET"] = socketPath
        environment["NO_COLOR"] = "1"
        // The walk-through's files go to a folder it makes with mktemp: inside the test's own.
        environment["TMPDIR"] = temporaryFolder
        process.environment = environment
        let (status, printed) = try ChildOutput.run(process)
        XCTAssertEqual(
            status,
            0,
            "the walk-through stopped on an error:\n\(printed)",
            file: file,
            line: line
        )
        for expected in [
            "s-2026-001", "g-2026-001", "cnrs-jrc-mou-2026", "in force", "Camille Martin", "SecondmentStarted",
            "head position",
        ] {
            XCTAssertTrue(
                printed.contains(expected),
                "the walk-through's output lacks \(expected):\n\(printed)",
                file: file,
                line: line
            )
        }
    }
}
