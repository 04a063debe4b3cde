import AccordAPI
import Foundation
import XCTest

/// `accord export --output FILE`: the whole history as JSON Lines, chained, and never over an existing file.
final class ExportTests: XCTestCase {
    func testExportWritesEveryEventChainedAndRefusesAnExistingFile() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let file = ledger.folder.file("history.jsonl")
        try ledger.accord(["export", "--output", file])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let events = try text.split(separator: "\n").map {
            try JSONCoding.decoder.decode(LoggedEvent.self, from: Data($0.utf8))
        }
        XCTAssertEqual(events.map(\.position), Array(1...8))
        for (earlier, later) in zip(events, events.dropFirst()) {
            XCTAssertEqual(later.previousHash, earlier.hash, "the chain links at \(later.position)")
        }
        XCTAssertEqual(try ledger.accord(["export"]).standardOutput, text, "standard output gets the same lines")
        let again = try ledger.cli.run(["export", "--output", file])
        XCTAssertNotEqual(again.exitCode, 0)
        XCTAssertTrue(again.standardError.contains("already exists"), again.standardError)
    }
}
