import AccordAPI
import AccordDomain
import Foundation
import XCTest

/// What the ledger said before and after a correction, on the same business day: `--as-of-position` and `--as-of`
/// (what the ledger knew) combined with `--on` (what was in force), through the real daemon and CLI.
final class AsOfTests: XCTestCase {
    func testACorrectedSigningDateAsTheLedgerKnewItBeforeAndAfterTheCorrection() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.correctSigningDate()
        let show = ["agreement", "show", "cnrs-jrc-mou-2026", "--on", "2026-01-06", "--json"]

        let before = try agreement(ledger, show + ["--as-of-position", "8"])
        XCTAssertEqual(before.signedOn.description, "2026-01-06")
        XCTAssertEqual(before.status, .inForce, "before the correction the ledger said it was in force that day")
        XCTAssertEqual(before.corrections, [], "the correction came later")
        let after = try agreement(ledger, show + ["--as-of-position", "9"])
        XCTAssertEqual(after.signedOn.description, "2026-01-07")
        XCTAssertEqual(after.status, .notYetInForce, "after it, the same day is before the signing")
        XCTAssertEqual(after.corrections.map(\.position), [9])
        XCTAssertEqual(try agreement(ledger, show).status, .notYetInForce, "the head is the corrected ledger")

        // The recorded time of event 8 names the same past as its position; a second earlier, the ledger knew less.
        let log = try ledger.accord(["log", "--json"]).standardOutput.split(separator: "\n").map {
            try JSONCoding.decoder.decode(LoggedEvent.self, from: Data($0.utf8))
        }
        let eighth = RecordedTime.format(log[7].recordedAt)
        let known = try ledger.accord(show + ["--as-of", eighth])
        XCTAssertEqual(try decoded(known).status, .inForce)
        XCTAssertEqual(known.standardError, "as of position 8, recorded \(eighth)\n")
        let table = try ledger.accord(["secondment", "list", "--as-of-position", "6"]).standardOutput
        XCTAssertTrue(table.hasPrefix("as of position 6, recorded "), table)
        XCTAssertTrue(table.contains("no secondments match"), "the secondment was recorded at 7:\n\(table)")

        try await ledger.restart()
        XCTAssertEqual(try agreement(ledger, show + ["--as-of-position", "8"]).status, .inForce, "after a restart too")

        let beyond = try ledger.cli.run(show + ["--as-of-position", "10"])
        XCTAssertNotEqual(beyond.exitCode, 0)
        XCTAssertTrue(beyond.standardError.contains("--as-of-position 10 is beyond the head"), beyond.standardError)
        let zero = try ledger.cli.run(show + ["--as-of-position", "0"])
        XCTAssertTrue(zero.standardError.contains("--as-of-position 0 is before the first event"), zero.standardError)
        let early = try ledger.cli.run(show + ["--as-of", "2000-01-01T00:00:00Z"])
        XCTAssertNotEqual(early.exitCode, 0)
        XCTAssertTrue(
            early.standardError.contains("--as-of 2000-01-01T00:00:00Z is before the first event"),
            early.standardError
        )
        let future = try ledger.cli.run(show + ["--as-of", "2999-01-01T00:00:00Z"])
        XCTAssertTrue(future.standardError.contains("is later than now"), future.standardError)
        let both = try ledger.cli.run(show + ["--as-of-position", "3", "--as-of", eighth])
        XCTAssertTrue(both.standardError.contains("not both"), both.standardError)
    }

    private func agreement(_ ledger: LedgerFixture, _ arguments: [String]) throws -> AgreementDetail {
        try decoded(try ledger.accord(arguments))
    }

    private func decoded(_ result: CommandResult) throws -> AgreementDetail {
        try JSONCoding.decoder.decode(AgreementDetail.self, from: Data(result.standardOutput.utf8))
    }
}
