import AccordAPI
import Foundation
import XCTest

/// An erasure cut by a crash: accordd is killed (SIGKILL, injected by strace as it enters the unlink of the person's
/// file) after its `PersonalDataErased` event is durable and before the file is gone. The next start removes it,
/// says so in its log, and the name is then nowhere in the data folder.
final class ErasureCrashTests: XCTestCase {
    func testAKillBetweenTheRecordedErasureAndTheFileRemovalIsFinishedByTheNextStart() async throws {
        let (ledger, relative, file) = try await ErasureFault.seeded()
        // Only the unlink of that one file is touched: it does not happen, and the process is killed right there.
        let killed = try ErasureFault.daemon(ledger, file: file, injection: "error=EIO:signal=SIGKILL")
        defer { SyncFailureTests.endChildren(of: killed.process) }
        try await killed.start()
        let erase = try ledger.cli.run(["person", "erase", "p-0001", "--reason", "asked", "--legal-basis", "GDPR"])
        XCTAssertNotEqual(erase.exitCode, 0, "the daemon died before answering: \(erase.standardOutput)")
        let status = try await killed.exitStatus(withinSeconds: 30)
        XCTAssertNotEqual(status, 0, "killed, not stopped: \(killed.errors)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), "the crash came before the file's removal")

        let restarted = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try await restarted.start()
        XCTAssertTrue(
            restarted.errors.contains("finished 1 erasure(s) interrupted by the last stop"),
            restarted.errors
        )
        XCTAssertTrue(restarted.errors.contains(relative), restarted.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try filesHolding("Camille", in: ledger.dataDirectory), [], "the name cannot be recovered")
        let history = try JSONCoding.decoder.decode(
            PersonHistoryResponse.self,
            from: Data(try ledger.accord(["person", "history", "p-0001", "--json"]).standardOutput.utf8)
        )
        XCTAssertEqual(history.personalDataStatus, .erased)
        XCTAssertEqual(history.history.person.erasure?.reason, "asked", "the erasure was recorded before the kill")
        let again = try ledger.cli.run(["person", "erase", "p-0001", "--reason", "again", "--legal-basis", "GDPR"])
        XCTAssertTrue(again.standardError.contains("was already erased (position 9)"), again.standardError)
        let stopped = try await restarted.stop()
        XCTAssertEqual(stopped, 0, restarted.errors)
    }
}
