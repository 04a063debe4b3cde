import Foundation
import XCTest

/// Exit codes and messages that scripts and people rely on.
final class CommandLineContractTests: XCTestCase {
    func testExitCodesSayRefusedUsageOrUnreachable() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()

        let unknownAgreement = try ledger.cli.run([
            "secondment", "start", "--id", "s-x", "--person", "p-0001", "--agreement", "no-such-agreement",
            "--host-institution", "jrc", "--host-site", "ispra", "--mode", "detachment", "--domain", "nuclear",
            "--start", "2026-03-01", "--planned-end", "2026-04-01",
        ])
        XCTAssertEqual(unknownAgreement.exitCode, 1, unknownAgreement.standardError)
        XCTAssertTrue(
            unknownAgreement.standardError.contains("no-such-agreement"),
            "the error names the unknown id: \(unknownAgreement.standardError)"
        )

        let overlapping = try ledger.cli.run([
            "secondment", "start", "--id", "s-2026-002", "--person", "p-0001", "--agreement", "cnrs-jrc-mou-2026",
            "--host-institution", "jrc", "--host-site", "petten", "--mode", "detachment", "--domain", "nuclear",
            "--start", "2026-05-01", "--planned-end", "2026-09-30",
        ])
        XCTAssertEqual(overlapping.exitCode, 1, overlapping.standardError)

        // A list the API calls `domains` is the repeated --domain the user types.
        let noDomain = try ledger.cli.run([
            "agreement", "sign", "--id", "a-1", "--title", "T", "--party", "cnrs", "--party", "jrc", "--signed-on",
            "2026-01-06",
        ])
        XCTAssertEqual(noDomain.exitCode, 1, noDomain.standardError)
        XCTAssertTrue(noDomain.standardError.contains("--domain must not be empty"), noDomain.standardError)

        let badDate = try ledger.cli.run(["agreement", "extend", "cnrs-jrc-mou-2026", "--valid-until", "2026-02-30"])
        XCTAssertEqual(badDate.exitCode, 2, badDate.standardError)

        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(
            ((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int,
            8,
            "refused commands append nothing"
        )

        // A witness policy without its quorum line: the message is for a person, its code only in --json.
        let policy = ledger.folder.file("no-quorum-policy")
        try Data("# no witness yet\n".utf8).write(to: URL(fileURLWithPath: policy))
        let badPolicy = try ledger.cli.run(["verify", "--log", "\(ledger.dataDirectory)/ledger.log", "--policy", policy])
        XCTAssertEqual(badPolicy.exitCode, 64, badPolicy.standardError)
        XCTAssertTrue(badPolicy.standardError.contains("the policy has no quorum line"), badPolicy.standardError)
        XCTAssertFalse(badPolicy.standardError.contains("proof_malformed"), badPolicy.standardError)

        let nowhere = CLIRunner(socketPath: ledger.folder.file("missing.sock"))
        let unreachable = try nowhere.run(["status"])
        XCTAssertEqual(unreachable.exitCode, 3)
        XCTAssertTrue(unreachable.standardError.contains("start the daemon"), unreachable.standardError)
    }

    /// A socket behind a folder closed to the user (another user's) is not said to be missing: the user is told
    /// the folder is closed.
    func testASocketInAFolderClosedToTheUserIsNotCalledMissing() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to run the client as another user")
        let closed = try TemporaryFolder()
        XCTAssertEqual(chmod(closed.path, 0o700), 0)
        let stranger = CLIRunner(
            socketPath: closed.file("accord.sock"),
            environment: ["HOME": "/nonexistent"],
            wrapper: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        )
        let refused = try stranger.run(["status"])
        XCTAssertEqual(refused.exitCode, 3, refused.standardError)
        XCTAssertTrue(
            refused.standardError.contains("you may not open a folder on the path of \(closed.file("accord.sock"))"),
            refused.standardError
        )
        XCTAssertFalse(refused.standardError.contains("no socket at"), refused.standardError)
    }

    func testExpectedVersionMismatchIsAConflict() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let addDomain = [
            "agreement", "add-domain", "cnrs-jrc-mou-2026", "--domain", "digital-ai-data-science", "--added-on",
            "2026-02-15",
        ]
        let stale = try ledger.cli.run(addDomain + ["--expected-version", "0"])
        XCTAssertEqual(stale.exitCode, 1, stale.standardError)
        XCTAssertTrue(stale.standardError.contains("agreement/cnrs-jrc-mou-2026"), stale.standardError)
        try ledger.accord(addDomain + ["--expected-version", "1"])
    }

    func testRequestIDMakesRetriesSafeAcrossRestarts() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let command = [
            "institution", "register", "--id", "cnrs", "--name", "CNRS", "--country", "FR", "--kind",
            "researchOrganisation", "--request-id", "r-1",
        ]
        let first = try ledger.accord(command + ["--json"])
        let second = try ledger.accord(command + ["--json"])
        XCTAssertEqual((first.json as? [String: Any])?["replayed"] as? Bool, false)
        XCTAssertEqual((second.json as? [String: Any])?["replayed"] as? Bool, true)
        XCTAssertEqual(
            (second.json as? [String: Any])?["events"] as? NSArray,
            (first.json as? [String: Any])?["events"] as? NSArray
        )

        try await ledger.restart()
        let third = try ledger.accord(command + ["--json"])
        XCTAssertEqual((third.json as? [String: Any])?["replayed"] as? Bool, true)
        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 1)

        let different = try ledger.cli.run([
            "institution", "register", "--id", "jrc", "--name", "JRC", "--country", "EU", "--kind", "commissionService",
            "--request-id", "r-1",
        ])
        XCTAssertEqual(different.exitCode, 1, different.standardError)
        XCTAssertTrue(different.standardError.contains("r-1"), different.standardError)
    }

    func testHelpIsOnEveryCommandAndExitsZero() throws {
        let cli = CLIRunner(socketPath: "/nonexistent/accord.sock")
        for command in [
            ["--help"], ["agreement", "sign", "--help"], ["secondment", "list", "--help"], ["log", "--help"],
        ] {
            let result = try cli.run(command)
            XCTAssertEqual(result.exitCode, 0, "accord \(command.joined(separator: " "))")
            XCTAssertTrue(result.standardOutput.contains("USAGE"), result.standardOutput)
        }
        let unknown = try cli.run(["agreement", "sign", "--no-such-option"])
        XCTAssertEqual(unknown.exitCode, 2)
        let unknownType = try cli.run(["log", "--type", "Bogus"])
        XCTAssertEqual(unknownType.exitCode, 2)
        XCTAssertTrue(
            unknownType.standardError.contains("SecondmentStarted"),
            "the error lists the types: \(unknownType.standardError)"
        )
        let emptyRequestID = try cli.run([
            "institution", "register", "--id", "x", "--name", "X", "--country", "FR", "--kind", "other", "--request-id",
            "",
        ])
        XCTAssertEqual(emptyRequestID.exitCode, 2, emptyRequestID.standardError)
    }
}
