import Foundation
import XCTest

/// An erasure whose file removal fails (EACCES on its unlink, injected by strace) is recorded all the same, the
/// daemon reports it unfinished in its health until the removal is done, and the next start finishes it.
final class ErasureRetryTests: XCTestCase {
    func testAFailedRemovalIsReportedUnhealthyUntilTheNextStartFinishesIt() async throws {
        let (ledger, relative, file) = try await ErasureFault.seeded()
        let refusing = try ErasureFault.daemon(ledger, file: file, injection: "error=EACCES")
        defer { SyncFailureTests.endChildren(of: refusing.process) }
        try await refusing.start()
        let eraseArguments = ["person", "erase", "p-0001", "--reason", "asked", "--legal-basis", "GDPR"]
        let erase = try ledger.cli.run(eraseArguments + ["--request-id", "erase-1"])
        // 202, exit 5: the event is recorded (its receipt is printed), the file is not removed yet, and it says why.
        XCTAssertEqual(erase.exitCode, 5, erase.standardError)
        XCTAssertTrue(
            erase.standardOutput.contains("recorded PersonalDataErased at position "),
            "the receipt: \(erase.standardOutput)"
        )
        XCTAssertTrue(
            erase.standardError.contains("warning: the erasure is recorded, but the personal data is still on disk")
                && erase.standardError.contains(relative) && erase.standardError.contains("Permission denied")
                && erase.standardError.contains("at most once a minute")
                && erase.standardError.contains("[personal_data_not_erased]"),
            erase.standardError
        )
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        // The same request again (a retry): answered as its first answer was, not as if all were done.
        let repeated = try ledger.cli.run(eraseArguments + ["--request-id", "erase-1"])
        XCTAssertEqual(repeated.exitCode, 5, "a repeat of an unfinished erasure: \(repeated.standardError)")
        XCTAssertTrue(repeated.standardError.contains("[personal_data_not_erased]"), repeated.standardError)
        let again = try ledger.cli.run(eraseArguments + ["--json"])
        XCTAssertEqual(again.exitCode, 1, "recorded, so a repeat is refused: \(again.standardError)")
        XCTAssertTrue(again.standardError.contains(#""code":"personal_data_already_erased""#), again.standardError)
        let status = try ledger.cli.run(["status", "--json"])
        XCTAssertEqual(status.exitCode, 4, "an unfinished erasure is unhealthy: \(status.standardOutput)")
        let problems = ((status.json as? [String: Any])?["health"] as? [String: Any])?["problems"] as? [String] ?? []
        XCTAssertTrue(
            problems.contains { $0.contains("1 recorded erasure(s) unfinished") && $0.contains(relative) },
            "\(problems)"
        )
        let history = try ledger.accord(["person", "history", "p-0001"]).standardOutput
        XCTAssertTrue(history.contains("(erased on "), "the views say erased meanwhile: \(history)")
        XCTAssertFalse(history.contains("Camille"), history)

        for child in SyncFailureTests.children(of: refusing.process) { kill(child, SIGTERM) }
        _ = try await refusing.exitStatus(withinSeconds: 30)
        let restarted = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try await restarted.start()
        XCTAssertTrue(restarted.errors.contains("finished 1 erasure(s)"), restarted.errors)
        XCTAssertEqual(try filesHolding("Camille", in: ledger.dataDirectory), [])
        XCTAssertEqual(try ledger.cli.run(["status"]).exitCode, 0, "healthy once the erasure is finished")
        let stopped = try await restarted.stop()
        XCTAssertEqual(stopped, 0, restarted.errors)
    }
}
