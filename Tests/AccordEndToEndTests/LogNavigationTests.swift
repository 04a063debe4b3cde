import AccordAPI
import Foundation
import XCTest

/// `accord log` as an auditor uses it: the end, newest first, by person, by type in any case, one fact with its
/// corrections.
final class LogNavigationTests: XCTestCase {
    func testTheLogCanBeReadFromTheEndByIdAndOneFactWithItsCorrections() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        XCTAssertEqual(try ledger.accord(["log"]).standardOutput, "the ledger is empty: no event was recorded yet\n")
        try ledger.recordPartnership()
        try ledger.correctSigningDate()

        XCTAssertEqual(try positions(ledger, ["--tail", "2"]), [8, 9])
        XCTAssertEqual(try positions(ledger, ["--reverse", "--limit", "3"]), [9, 8, 7])
        XCTAssertEqual(try positions(ledger, ["--person", "p-0001"]), [6, 7, 8])
        XCTAssertEqual(try positions(ledger, ["--type", "agreementsigned"]), [5])
        XCTAssertEqual(try positions(ledger, ["--site", "petten"]), [4, 8])
        XCTAssertEqual(try positions(ledger, ["--until", "2000-01-01T00:00:00Z"]), [])
        XCTAssertEqual(try ledger.accord(["log", "--person", "nobody"]).standardOutput, "no events match\n")
        let dateOnly = try ledger.cli.run(["log", "--since", "2026-03-01"])
        XCTAssertEqual(dateOnly.exitCode, 2, dateOnly.standardError)
        XCTAssertTrue(
            dateOnly.standardError.contains("--since must be a time in ISO 8601 with its zone"),
            "the refusal names the flag typed: \(dateOnly.standardError)"
        )

        let detail = try JSONCoding.decoder.decode(
            EventDetail.self,
            from: Data(try ledger.accord(["log", "--event", "5", "--json"]).standardOutput.utf8)
        )
        XCTAssertEqual(detail.event.position, 5)
        XCTAssertEqual(detail.amendments.map(\.position), [9])
        let chain = try ledger.accord(["log", "--event", "5"]).standardOutput
        XCTAssertTrue(chain.contains("corrected at #9"), chain)
        XCTAssertTrue(chain.contains("signed a day later"), chain)
        let shown = try ledger.accord(["agreement", "show", "cnrs-jrc-mou-2026", "--json"]).standardOutput
        let agreement = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let marks = try XCTUnwrap(agreement["corrections"] as? [[String: Any]], shown)
        XCTAssertEqual(marks.count, 1)
        XCTAssertEqual(marks.first?["position"] as? Int, 9)
        XCTAssertEqual(marks.first?["reason"] as? String, "signed a day later")
        let table = try ledger.accord(["agreement", "show", "cnrs-jrc-mou-2026"]).standardOutput
        XCTAssertTrue(table.contains("corrected at #9 (signed a day later)"), table)
        let secondment = try ledger.accord(["secondment", "show", "s-2026-001"]).standardOutput
        XCTAssertFalse(secondment.contains("corrected at"), "only what a correction changed is marked:\n\(secondment)")
        let unknown = try ledger.cli.run(["log", "--event", "99"])
        XCTAssertNotEqual(unknown.exitCode, 0)
        XCTAssertTrue(unknown.standardError.contains("no position 99"), unknown.standardError)
    }

    private func positions(_ ledger: LedgerFixture, _ arguments: [String]) throws -> [UInt64] {
        let output = try ledger.accord(["log", "--json"] + arguments).standardOutput
        return try output.split(separator: "\n").map {
            try JSONCoding.decoder.decode(LoggedEvent.self, from: Data($0.utf8)).position
        }
    }
}
