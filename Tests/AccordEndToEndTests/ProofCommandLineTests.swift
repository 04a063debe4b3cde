import Foundation
import XCTest

/// Help and exit codes of the proof commands, without a daemon.
final class ProofCommandLineTests: XCTestCase {
    func testEveryProofCommandHasHelp() throws {
        let cli = CLIRunner(socketPath: "/nonexistent/accord.sock")
        for command in [
            ["checkpoint"], ["key"], ["prove"], ["verify"], ["export"], ["witness"], ["witness", "init"],
            ["witness", "cosign"],
        ] {
            let result = try cli.run(command + ["--help"])
            XCTAssertEqual(result.exitCode, 0, "accord \(command.joined(separator: " ")) --help")
            XCTAssertTrue(result.standardOutput.contains("USAGE"), result.standardOutput)
        }
    }

    func testVerifyExitsSixtyFourOnAUsageError() throws {
        let cli = CLIRunner(socketPath: "/nonexistent/accord.sock")
        XCTAssertEqual(try cli.run(["verify", "--no-such-option"]).exitCode, 64)
        let noKey = try cli.run(["verify", "--proof", "/nonexistent/proof"])
        XCTAssertEqual(noKey.exitCode, 64, noKey.standardError)
        XCTAssertTrue(noKey.standardError.contains("--key"), noKey.standardError)
        let missingLog = try cli.run(["verify", "--log", "/nonexistent/ledger.log"])
        XCTAssertEqual(missingLog.exitCode, 64, missingLog.standardError)
        XCTAssertEqual(try cli.run(["prove", "0"]).exitCode, 2, "other commands keep exit 2 for usage")
    }
}
