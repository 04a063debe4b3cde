import Foundation
import XCTest

/// The README's walk-through, run with the real binaries, and a restart in the middle.
final class WalkthroughTests: XCTestCase {
    func testPartnershipIsRecordedQueriedAndSurvivesRestart() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()

        let secondments = try ledger.accord(["secondment", "list", "--on", "2026-05-01", "--site", "ispra", "--json"])
        XCTAssertTrue(secondments.standardOutput.contains("s-2026-001"), secondments.standardOutput)
        // Past its planned end with no end recorded: overdue, still listed as under way, but not active.
        let overdue = try ledger.accord(["secondment", "list", "--on", "2026-10-01", "--json"])
        XCTAssertEqual(
            (overdue.json as? [[String: Any]])?.compactMap { $0["status"] as? String },
            ["overdue"],
            overdue.standardOutput
        )
        let active = try ledger.accord(["secondment", "list", "--on", "2026-10-01", "--status", "active", "--json"])
        XCTAssertFalse(
            active.standardOutput.contains("s-2026-001"),
            "no secondment is active on 2026-10-01:\n\(active.standardOutput)"
        )
        let grants = try ledger.accord(["access", "list", "--on", "2026-05-01", "--site", "petten", "--json"])
        XCTAssertTrue(grants.standardOutput.contains("g-2026-001"), grants.standardOutput)
        let table = try ledger.accord(["agreement", "list", "--on", "2026-02-01"])
        XCTAssertTrue(table.standardOutput.contains("cnrs-jrc-mou-2026"), table.standardOutput)
        let before = try ledger.accord(["status", "--json"])

        try await ledger.restart()

        let after = try ledger.accord(["status", "--json"])
        let headBefore = (before.json as? [String: Any])?["head"] as? [String: Any]
        let headAfter = (after.json as? [String: Any])?["head"] as? [String: Any]
        XCTAssertEqual(headBefore?["position"] as? Int, 8)
        XCTAssertEqual(headAfter?["position"] as? Int, 8)
        XCTAssertEqual(headBefore?["hash"] as? String, headAfter?["hash"] as? String)
        let again = try ledger.accord(["secondment", "list", "--on", "2026-05-01", "--site", "ispra", "--json"])
        XCTAssertEqual(again.standardOutput, secondments.standardOutput)
        let history = try ledger.accord(["person", "history", "p-0001", "--json"])
        XCTAssertTrue(
            history.standardOutput.contains("s-2026-001") && history.standardOutput.contains("g-2026-001"),
            history.standardOutput
        )
        let log = try ledger.accord(["log", "--json"])
        let lines = log.standardOutput.split(separator: "\n")
        XCTAssertEqual(lines.count, 8)
        XCTAssertTrue(
            lines.allSatisfy { $0.contains("\"userID\":\(getuid())") },
            "every event names the peer uid as its author"
        )
        XCTAssertFalse(log.standardOutput.contains("Camille"), "personal data must stay out of the hash-chained log")
        XCTAssertTrue(
            lines.allSatisfy { $0.contains(/"recordedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z"/) },
            "recorded times keep the log's microseconds: \(lines.first ?? "")"
        )
    }
}
