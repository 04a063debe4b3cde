import Foundation
import PostgresTestSupport
import XCTest

/// The SIGKILL crash loop of `CrashTests` against `accordd --store postgresql://`: clients append, accordd is killed
/// at random moments, and after each restart every acknowledged event is there as acknowledged, the chain links
/// and every cut request retried with its id is recorded exactly once; at the end the table, copied to a folder,
/// verifies from genesis. As many kills as `CrashTests` (ACCORD_CRASH_ITERATIONS: 30, 1,000 in `make soak`).
final class PostgresCrashTests: XCTestCase {
    func testAcknowledgedEventsSurviveSIGKILLOfAnAccorddOnPostgreSQL() async throws {
        guard let cluster = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let url = try cluster.createDatabase()
        let ledger = try LedgerFixture()
        try await CrashTests.killRepeatedly(ledger, daemonArguments: ["--store", url], iterations: CrashTests.iterations)
        let status = try await ledger.daemon.stop()
        XCTAssertEqual(status, 0, ledger.daemon.errors)

        try PostgresLedgerCopy.copyAndVerify(url, to: ledger.folder.file("copy"))
    }
}
