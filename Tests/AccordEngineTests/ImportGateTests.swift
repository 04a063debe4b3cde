import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import XCTest

/// The engine's import gate (`beginImport`): decided under the lock that decides commands, so no command is recorded
/// between the check of the ledger's head and the import's records.
final class ImportGateTests: XCTestCase {
    private static let file = ImportMarker.File(lines: 5, lastHash: String(repeating: "a", count: 64))

    func testABegunImportRefusesCommandsAndBatchesUntilItEnds() async throws {
        let fixture = try await EngineFixture(.file)
        try fixture.engine.beginImport(ImportGateTests.file, expectedNextPosition: 1)
        do throws(EngineError) {
            try await fixture.execute(EngineFixture.institution("jrc"))
            XCTFail("a command was recorded while an import is under way")
        } catch {
            XCTAssertEqual(error.code, ImportErrorCode.unfinished)
            XCTAssertTrue(error.message.contains("5-line export"), error.message)
            XCTAssertTrue(error.message.contains("holds 0 of its lines"), error.message)
        }
        do throws(EngineError) {
            _ = try await fixture.engine.execute(
                batch: [CommandRequest(command: EngineFixture.institution("cnrs"), author: EngineFixture.author)],
                requestID: nil,
                author: EngineFixture.author
            )
            XCTFail("a batch was recorded while an import is under way")
        } catch {
            XCTAssertEqual(error.code, ImportErrorCode.unfinished)
        }
        XCTAssertEqual(fixture.engine.head.position, 0, "nothing was appended")
        fixture.engine.endImport()
        try await fixture.execute(EngineFixture.institution("jrc"))
        XCTAssertEqual(fixture.engine.head.position, 1)
    }

    func testAnImportIsNotBegunOnceACommandTookTheNextPosition() async throws {
        let fixture = try await EngineFixture(.file)
        try await fixture.execute(EngineFixture.institution("jrc"))
        do throws(EngineError) {
            try fixture.engine.beginImport(ImportGateTests.file, expectedNextPosition: 1)
            XCTFail("an import began on a ledger a command had written to")
        } catch {
            XCTAssertEqual(error.code, ImportErrorCode.ledgerNotEmpty)
            XCTAssertTrue(error.message.contains("now holds 1 events"), error.message)
        }
        try await fixture.execute(EngineFixture.institution("cnrs"))
        XCTAssertEqual(fixture.engine.head.position, 2, "commands are still taken")
    }

    func testAnImportFoundUnfinishedAtTheStartRefusesCommands() async throws {
        let fixture = try await EngineFixture(.file)
        fixture.engine.holdForUnfinishedImport(ImportGateTests.file)
        do throws(EngineError) {
            try await fixture.execute(EngineFixture.institution("jrc"))
            XCTFail("a command was recorded while an import is unfinished")
        } catch {
            XCTAssertEqual(error.code, ImportErrorCode.unfinished)
        }
    }
}
