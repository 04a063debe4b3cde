import Foundation
import PostgresTestSupport
import XCTest

/// A standby (`accordd --read-only`) when its replica fails it: a server that stops is waited for, serving the last
/// verified head and saying it is behind; a table whose next record does not follow the served head stops it
/// (exit 65). The read-only accordd runs on a plain cluster here: a standby reads any server the same way, and a
/// writable one lets the test stop it and rewrite rows.
final class PostgresStandbyFailureTests: XCTestCase {
    private func daemon(_ folder: TemporaryFolder, _ url: String, _ name: String, readOnly: Bool) throws
        -> DaemonProcess
    {
        try DaemonProcess(
            socketPath: folder.file("\(name).sock"),
            dataDirectory: folder.file("data-\(name)"),
            extraArguments: ["--store", url] + (readOnly ? ["--read-only"] : [])
        )
    }

    /// Starts a writer on `url`, records `ids`, stops it cleanly.
    private func record(_ ids: [String], _ folder: TemporaryFolder, _ url: String, _ name: String) async throws {
        let writer = try daemon(folder, url, name, readOnly: false)
        try await writer.start()
        let cli = CLIRunner(socketPath: writer.socketPath)
        for id in ids {
            let registered = try cli.run(PostgresStandbyTests.register(id))
            XCTAssertEqual(registered.exitCode, 0, registered.standardError)
        }
        let status = try await writer.stop()
        XCTAssertEqual(status, 0, writer.errors)
    }

    private func problems(_ cli: CLIRunner) throws -> [String] {
        let status = try cli.run(["status", "--json"])
        let health = (status.json as? [String: Any])?["health"] as? [String: Any]
        return health?["problems"] as? [String] ?? []
    }

    /// A database `accord` on `cluster` holding two records, and a standby of it serving them.
    private func standbyOfTwoRecords(
        on cluster: PostgresCluster
    ) async throws -> (url: String, folder: TemporaryFolder, standby: DaemonProcess, cli: CLIRunner) {
        try cluster.sql("CREATE DATABASE accord")
        let url = cluster.url(database: "accord")
        let folder = try TemporaryFolder()
        try await record(["cnrs", "jrc"], folder, url, "writer")
        let standby = try daemon(folder, url, "standby", readOnly: true)
        try await standby.start()
        let cli = CLIRunner(socketPath: standby.socketPath)
        XCTAssertEqual(try PostgresStandbyTests.head(cli), 2)
        return (url, folder, standby, cli)
    }

    func testAStandbyWaitsForItsReplicaSayingItIsBehindAndCatchesUpWhenItReturns() async throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let (url, folder, standby, cli) = try await standbyOfTwoRecords(on: cluster)
        XCTAssertEqual(try problems(cli), [])

        try cluster.stopImmediately()
        let behind = try await Deadline.poll(seconds: 30) {
            (try? self.problems(cli))?.contains { $0.contains("this standby is behind") } == true
        }
        XCTAssertTrue(behind, "the health says the standby is behind: \((try? problems(cli)) ?? [])")
        let unhealthy = try cli.run(["status"])
        XCTAssertEqual(unhealthy.exitCode, 4, "accord status exits 4 (unhealthy) while the replica is away")
        XCTAssertTrue(unhealthy.standardError.contains("serves position 2"), unhealthy.standardError)
        XCTAssertTrue(standby.process.isRunning, "the standby waits for its replica: \(standby.errors)")
        let listed = try cli.run(["institution", "list", "--json"])
        XCTAssertEqual(listed.exitCode, 0, "queries are still answered: \(listed.standardError)")
        XCTAssertTrue(listed.standardOutput.contains("\"jrc\""), listed.standardOutput)

        try cluster.start()
        try await record(["inria"], folder, url, "writer-again")
        let caughtUp = try await Deadline.poll(seconds: 30) { (try? PostgresStandbyTests.head(cli)) == 3 }
        XCTAssertTrue(caughtUp, "the standby read the new record once its replica was back: \(standby.errors)")
        XCTAssertEqual(try problems(cli), [], "and is healthy again")
        XCTAssertTrue(standby.errors.contains("caught up with the replica again"), standby.errors)
        let status = try await standby.stop()
        XCTAssertEqual(status, 0, standby.errors)
    }

    /// A replica whose server freezes (SIGSTOP: as a host that hangs, or a network that drops packets) answers no
    /// query and no connect, and fails none either: each waits at most `catchUpAnswerLimit` (5 s), then counts as the
    /// replica being unavailable. The standby says it is behind and what was not answered, catches up once the
    /// server answers again, and a SIGTERM stops it at once while one of its queries waits on the frozen server.
    func testAStandbyWhoseReplicaStopsAnsweringSaysItIsBehindAndStillStopsAtOnce() async throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        guard FileManager.default.isExecutableFile(atPath: Self.socketStatistics) else {
            throw XCTSkip("\(Self.socketStatistics) is missing: install iproute2 to see a query wait in a frozen server")
        }
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let (url, folder, standby, cli) = try await standbyOfTwoRecords(on: cluster)
        let backend = try standbyBackend(cluster)

        // Given a frozen server, holding the standby's session and a query of it.
        try cluster.pause()
        let waiting = try await Deadline.poll(seconds: 10) { Self.unreadBytes(of: backend) > 0 }
        XCTAssertTrue(waiting, "a catch-up query waits in the frozen server's socket")
        let behind = try await Deadline.poll(seconds: 30) {
            (try? self.problems(cli))?.contains {
                $0.contains("this standby is behind") && $0.contains("did not answer")
            }
                == true
        }
        XCTAssertTrue(behind, "the health says the standby is behind and why: \((try? problems(cli)) ?? [])")
        XCTAssertTrue(standby.errors.contains("did not answer the query of"), standby.errors)
        let connectBounded = try await Deadline.poll(seconds: 30) {
            standby.errors.contains("did not answer a connect within")
        }
        XCTAssertTrue(connectBounded, "connecting again waits no longer than a query: \(standby.errors)")
        XCTAssertEqual(try cli.run(["status"]).exitCode, 4, "accord status exits 4 (unhealthy) meanwhile")
        XCTAssertTrue(standby.process.isRunning, "the standby waits for its replica: \(standby.errors)")

        // When the server answers again, the standby catches up.
        cluster.resume()
        try await record(["inria"], folder, url, "writer-again")
        let caughtUp = try await Deadline.poll(seconds: 30) { (try? PostgresStandbyTests.head(cli)) == 3 }
        XCTAssertTrue(caughtUp, "the standby read the new record once its replica answered: \(standby.errors)")
        XCTAssertEqual(try problems(cli), [], "and is healthy again")
        XCTAssertTrue(standby.errors.contains("caught up with the replica again"), standby.errors)

        // Then a SIGTERM while a catch-up query waits on the frozen server stops the standby at once.
        let newBackend = try standbyBackend(cluster)
        try cluster.pause()
        let waitingAgain = try await Deadline.poll(seconds: 10) { Self.unreadBytes(of: newBackend) > 0 }
        XCTAssertTrue(waitingAgain, "a catch-up query waits in the frozen server's socket")
        let status = try await standby.stop(timeoutSeconds: 3)
        XCTAssertEqual(status, 0, standby.errors)
        XCTAssertTrue(standby.errors.contains("stopped cleanly"), standby.errors)
    }

    /// The server process serving the standby's session (the only other session of the database `accord`).
    private func standbyBackend(_ cluster: PostgresCluster) throws -> pid_t {
        let pids = try cluster.sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'accord' AND pid <> pg_backend_pid()",
            database: "accord"
        )
        let backend = try XCTUnwrap(pid_t(pids), "one session of the standby: \(pids)")
        return backend
    }

    /// iproute2's socket statistics: what shows a query waiting unread in a frozen server's socket.
    private static let socketStatistics = "/usr/bin/ss"

    /// The bytes waiting unread in the Unix sockets of `process` (`ss`'s Recv-Q): a query sent to a frozen server.
    private static func unreadBytes(of process: pid_t) -> Int {
        let ss = Process()
        ss.executableURL = URL(fileURLWithPath: socketStatistics)
        ss.arguments = ["-x", "-H", "-n", "-p"]
        let output = Pipe()
        ss.standardOutput = output
        ss.standardError = FileHandle.nullDevice
        guard (try? ss.run()) != nil else { return 0 }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ss.waitUntilExit()
        return text.split(separator: "\n").filter { $0.contains("pid=\(process),") }.reduce(0) { total, line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return total + (fields.count > 2 ? Int(fields[2]) ?? 0 : 0)
        }
    }

    func testAStandbyStopsWhenTheNextRecordDoesNotFollowTheHeadItServed() async throws {
        guard let cluster = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let served = try cluster.createDatabase()
        let other = try cluster.createDatabase()
        let folder = try TemporaryFolder()
        try await record(["cnrs", "jrc", "inria"], folder, served, "served")
        try await record(["a", "b", "c", "d"], folder, other, "other")
        let standby = try daemon(folder, served, "standby", readOnly: true)
        try await standby.start()
        XCTAssertEqual(try PostgresStandbyTests.head(CLIRunner(socketPath: standby.socketPath)), 3)

        // Record 3 replaced by another ledger's 3 and 4: a chain that links in itself but not to the served head.
        let rows = try cluster.sql(
            "SELECT string_agg(format('(%s, %L::bytea)', position, '\\x' || encode(frame, 'hex')), ', ') "
                + "FROM accord_ledger WHERE position >= 3",
            database: database(other)
        )
        try cluster.sql(
            "BEGIN; DELETE FROM accord_ledger WHERE position = 3; INSERT INTO accord_ledger VALUES \(rows); COMMIT",
            database: database(served)
        )
        let status = try await standby.exitStatus(withinSeconds: 30)
        XCTAssertEqual(status, 65, "the standby stops, and systemd does not restart it: \(standby.errors)")
        XCTAssertTrue(standby.errors.contains("does not follow"), standby.errors)
        XCTAssertTrue(standby.errors.contains("chain_broken"), standby.errors)
    }

    private func database(_ url: String) -> String {
        String(url.split(separator: "?")[0].split(separator: "/").last ?? "")
    }
}
