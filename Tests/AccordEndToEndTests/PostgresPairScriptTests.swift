import Foundation
import PostgresTestSupport
import XCTest

/// scripts/postgres-pair.sh, the runbook of docs/operations.md, run as a newcomer runs it: a primary and a
/// standby, the README walk-through on the primary, a query on the standby, a failover, the chain verified on the
/// new primary.
final class PostgresPairScriptTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/postgres-pair.sh").standardized.path

    private func pair(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ACCORD_BIN"] = BuiltProducts.folder
        environment["NO_COLOR"] = "1"
        process.environment = environment
        return try ChildOutput.run(process)
    }

    private var dir = ""

    /// One of the pair's logs, for a failure's message.
    private func log(_ name: String) -> String {
        "\n\(name):\n" + ((try? String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8)) ?? "(none)")
    }

    func testAPrimaryAndAStandbyFailOverAndTheNewPrimaryVerifiesTheChain() throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let folder = try TemporaryFolder()
        // PostgreSQL runs as the postgres user when the tests run as root: it must enter the folder.
        chmod(folder.path, 0o711)
        dir = folder.file("pair")
        defer { _ = try? pair(["--dir", dir, "stop"]) }

        let started = try pair(["--dir", dir, "start"])
        XCTAssertEqual(started.status, 0, started.output)
        let walkthrough = try pair(["--dir", dir, "walkthrough"])
        XCTAssertEqual(walkthrough.status, 0, walkthrough.output)
        XCTAssertTrue(walkthrough.output.contains("SecondmentStarted"), walkthrough.output)

        let standby = CLIRunner(socketPath: "\(dir)/standby.sock")
        let secondments = try standby.run(["secondment", "list", "--on", "2026-05-01", "--site", "ispra"])
        XCTAssertEqual(secondments.exitCode, 0, secondments.standardError)
        XCTAssertTrue(secondments.standardOutput.contains("s-2026-001"), "synchronous: the standby has it at once")
        let inria = ["institution", "register", "--id", "inria", "--name", "Inria", "--country", "FR", "--kind", "researchOrganisation"]
        let refused = try standby.run(inria)
        XCTAssertNotEqual(refused.exitCode, 0)
        XCTAssertTrue(refused.standardError.contains("read-only standby"), refused.standardError)

        let failedOver = try pair(["--dir", dir, "failover"])
        XCTAssertEqual(failedOver.status, 0, failedOver.output + log("standby.accordd.log"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/primary/data/postmaster.pid"), "the primary is gone")
        let recorded = try standby.run(inria)
        XCTAssertEqual(recorded.exitCode, 0, recorded.standardError + log("standby.accordd.log"))
        XCTAssertTrue(recorded.standardOutput.contains("position 10"), "the chain continues after the 9 events")
        let history = try standby.run(["person", "history", "p-0001"])
        XCTAssertTrue(history.standardOutput.contains("Camille Martin"), history.standardOutput + history.standardError)
        // The chain on the new primary, against the checkpoints the old one signed and a new one after them.
        let verified = try standby.run(["verify"])
        XCTAssertEqual(verified.exitCode, 0, verified.standardOutput + verified.standardError)
        XCTAssertTrue(verified.standardOutput.contains("10 verified"), verified.standardOutput)
        XCTAssertTrue(verified.standardOutput.contains("latest checkpoint  tree size 10"), verified.standardOutput)
        let extended = try standby.run(["verify", "--checkpoint", "\(dir)/old-checkpoint.txt"])
        XCTAssertEqual(extended.exitCode, 0, extended.standardOutput + extended.standardError)
        XCTAssertTrue(extended.standardOutput.contains("consistent: the log's first 9 records"), extended.standardOutput)

        let stopped = try pair(["--dir", dir, "stop"])
        XCTAssertEqual(stopped.status, 0, stopped.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/standby/data/postmaster.pid"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/standby.accordd.pid"))
    }

    /// docs/operations.md's "A primary and a standby on one machine, step by step", run as written, from the
    /// checkout; on a failure, a trap stops what the block started (the block itself cleans up at its end).
    func testTheRunbookInTheOperationsGuideRunsAsWritten() throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let checkout = URL(fileURLWithPath: Self.script).deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: checkout.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        let section = try XCTUnwrap(guide.range(of: "#### A primary and a standby on one machine, step by step"))
        let start = try XCTUnwrap(guide[section.upperBound...].range(of: "```sh\n"))
        let end = try XCTUnwrap(guide[start.upperBound...].range(of: "\n```\n"))
        let block = String(guide[start.upperBound..<end.lowerBound])
        let cleanUp = """
            trap 'status=$?; if [ $status -ne 0 ] && [ -n "${PAIR:-}" ]; then
                for pid in $PAIR/*.accordd.pid; do [ -f $pid ] && kill -KILL $(cat $pid); done
                for data in $PAIR/*/data; do as_pg $PG/pg_ctl -D $data -m immediate stop; done
            fi' EXIT

            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", cleanUp + block]
        process.currentDirectoryURL = checkout
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(BuiltProducts.folder):\(environment["PATH"] ?? "/usr/bin:/bin")"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let (status, output) = try ChildOutput.run(process)
        XCTAssertEqual(status, 0, output)
        let expectations = [
            "s-2026-001", "read-only standby", "at position 10", "Camille Martin", "10 verified",
            "latest checkpoint  tree size 10", "consistent: the log's first 9 records",
        ]
        for expected in expectations {
            XCTAssertTrue(output.contains(expected), "the runbook's output lacks \(expected):\n\(output)")
        }
    }

    func testStopLeavesAProcessThatTookTheSavedPidOfAnEarlierRunAlone() throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let folder = try TemporaryFolder()
        dir = folder.file("pair")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // The pid an earlier run saved, now another program's.
        let bystander = Process()
        bystander.executableURL = URL(fileURLWithPath: "/bin/sleep")
        bystander.arguments = ["60"]
        try bystander.run()
        defer { bystander.terminate() }
        try Data("\(bystander.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/primary.accordd.pid"))
        let stopped = try pair(["--dir", dir, "stop"])
        XCTAssertEqual(stopped.status, 0, stopped.output)
        XCTAssertTrue(bystander.isRunning, "stop signalled a process that is not the pair's accordd")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/primary.accordd.pid"), "the stale pid is gone")
    }

    func testTheHelpNamesEveryCommandAndAMissingFolderIsAUsageError() throws {
        let help = try pair(["--help"])
        XCTAssertEqual(help.status, 0, help.output)
        for command in ["start", "walkthrough", "failover", "stop", "--dir"] {
            XCTAssertTrue(help.output.contains(command), help.output)
        }
        let missing = try pair(["start"])
        XCTAssertEqual(missing.status, 64, missing.output)
        XCTAssertTrue(missing.output.contains("--dir DIR is required"), missing.output)
    }
}
