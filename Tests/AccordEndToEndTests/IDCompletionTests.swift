import Foundation
import XCTest

/// Completion of ids: the generated scripts call `accord ---completion …`, which asks the daemon named on the
/// command line being completed, and offers nothing, silently, when no daemon answers.
final class IDCompletionTests: XCTestCase {
    func testShowAndListCommandsCompleteIdsFromTheDaemonAndNothingWithoutIt() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let socket = ["--socket", ledger.socketPath]
        var completer = ledger.cli

        func complete(_ command: [String], _ argument: String, typed: String) throws -> CommandResult {
            let words = ["accord"] + command + socket + (argument.hasPrefix("--") ? [argument] : []) + [typed]
            completer.wrapper =
                [BuiltProducts.client, "---completion"] + command
                + [
                    "--", argument.hasPrefix("--") ? argument : "positional@0", String(words.count - 1),
                    String(typed.count),
                ] + words
            return try completer.runWithoutSocket()
        }

        let sites = try complete(["site", "show"], "site", typed: "")
        XCTAssertEqual(sites.exitCode, 0, sites.standardError)
        XCTAssertEqual(sites.standardOutput.split(separator: "\n"), ["ispra", "petten"])
        let prefixed = try complete(["site", "show"], "site", typed: "pe")
        XCTAssertEqual(prefixed.standardOutput.split(separator: "\n"), ["petten"])
        let secondments = try complete(["secondment", "show"], "secondment", typed: "s-")
        XCTAssertEqual(secondments.standardOutput.split(separator: "\n"), ["s-2026-001"])
        let grants = try complete(["access", "show"], "grant", typed: "")
        XCTAssertEqual(grants.standardOutput.split(separator: "\n"), ["g-2026-001"])
        let agreements = try complete(["secondment", "list"], "--agreement", typed: "")
        XCTAssertEqual(agreements.standardOutput.split(separator: "\n"), ["cnrs-jrc-mou-2026"])
        let people = try complete(["person", "history"], "person", typed: "")
        XCTAssertEqual(people.standardOutput.split(separator: "\n"), ["p-0001"])

        let script = try ledger.cli.run(["--generate-completion-script", "bash"])
        XCTAssertTrue(script.standardOutput.contains("---completion secondment show -- positional@0"))

        // No daemon: nothing offered, nothing said, exit 0.
        _ = try await ledger.daemon.stop()
        let silent = try complete(["site", "show"], "site", typed: "")
        XCTAssertEqual(silent.exitCode, 0, silent.standardError)
        XCTAssertEqual(silent.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), "")
        XCTAssertEqual(silent.standardError, "")
    }
}
