import Foundation
import XCTest

/// `accord batch FILE` through the daemon: all or none, one receipt, safe to retry.
final class BatchCommandTests: XCTestCase {
    private static let lines = """
        {"command": "institution.register", "body": {"institutionID": "cnrs", "name": "CNRS", "country": "FR", "kind": "researchOrganisation"}}

        {"command": "institution.register", "body": {"institutionID": "jrc", "name": "JRC", "country": "EU", "kind": "researchOrganisation"}}
        {"command": "site.register", "body": {"siteID": "ispra", "institution": "jrc", "name": "Ispra", "country": "IT", "facilities": []}, "expectedVersion": 0}
        """

    func testABatchIsRecordedAsOneRangeAndOnlyOnce() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let file = ledger.folder.file("commands.jsonl")
        try Data(BatchCommandTests.lines.utf8).write(to: URL(fileURLWithPath: file))

        let first = try ledger.accord(["batch", file, "--request-id", "import-1", "--json"])
        let receipt = try XCTUnwrap(first.json as? [String: Any])
        XCTAssertEqual(receipt["command"] as? String, "batch")
        XCTAssertEqual((receipt["events"] as? [[String: Any]])?.compactMap { $0["position"] as? Int }, [1, 2, 3])
        XCTAssertEqual(receipt["replayed"] as? Bool, false)

        let again = try ledger.accord(["batch", file, "--request-id", "import-1"])
        XCTAssertTrue(again.standardOutput.contains("already recorded 3 events"), again.standardOutput)
        let sites = try ledger.accord(["site", "list", "--json"])
        XCTAssertEqual((sites.json as? [[String: Any]])?.compactMap { $0["siteID"] as? String }, ["ispra"])
    }

    func testARefusedCommandLeavesTheLedgerAsItWasAndIsNamed() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let refused = try ledger.cli.run(
            ["batch", "-"],
            standardInput: BatchCommandTests.lines.replacingOccurrences(
                of: "\"jrc\", \"name\": \"Ispra\"",
                with: "\"nowhere\", \"name\": \"Ispra\""
            )
        )
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("command 3 of 3 was refused"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("nowhere"), refused.standardError)

        let unknownField = try ledger.cli.run(
            ["batch", "-"],
            standardInput: #"{"command": "institution.register", "body": {"institutionID": "x", "nmae": "X"}}"#
        )
        XCTAssertNotEqual(unknownField.exitCode, 0)
        XCTAssertTrue(unknownField.standardError.contains("command 1 of the file"), unknownField.standardError)

        let notJSON = try ledger.cli.run(
            ["batch", "-"],
            standardInput: "{\"command\": \"institution.register\"}\nnot json\n"
        )
        XCTAssertEqual(notJSON.exitCode, 2, notJSON.standardError)
        XCTAssertTrue(notJSON.standardError.contains("line 2"), notJSON.standardError)

        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 0)
    }
}
