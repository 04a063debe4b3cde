import Foundation
import XCTest

/// A start says what it finds: an unclean end of the previous run, a journal that is not there; and the daemon's
/// files are private to it.
final class StartTruthTests: XCTestCase {
    func testAStartAfterSIGKILLSaysThePreviousRunDidNotStopCleanly() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.accord(["institution", "register", "--id", "a", "--name", "A", "--country", "FR", "--kind", "other"])
        try await ledger.restart()
        XCTAssertFalse(ledger.daemon.errors.contains("did not stop cleanly"), "a clean stop is not reported as unclean")
        let killed = try await ledger.daemon.stop(signal: SIGKILL)
        XCTAssertNotEqual(killed, 0)
        ledger.daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try await ledger.daemon.start()
        XCTAssertTrue(
            ledger.daemon.errors.contains("the previous run did not stop cleanly (pid "),
            ledger.daemon.errors
        )
        XCTAssertTrue(ledger.daemon.errors.contains("ends at position 1"), ledger.daemon.errors)
    }

    func testAJournalTargetWithoutAJournalFallsBackToStandardErrorSayingSo() async throws {
        try XCTSkipIf(
            FileManager.default.fileExists(atPath: "/run/systemd/journal/socket"),
            "journald listens here, so the fallback cannot be shown"
        )
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--log-target", "journal"]
        )
        try await daemon.start()
        XCTAssertTrue(daemon.errors.contains("no journal listens"), daemon.errors)
        XCTAssertTrue(daemon.errors.contains("ready"), "the lines go to standard error instead: \(daemon.errors)")
    }

    func testFilesArePrivateAndAFolderWritableByOthersIsRefused() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        func mode(_ path: String) throws -> Int {
            try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        XCTAssertEqual(try mode(ledger.socketPath), 0o660, "the socket accordd binds itself")
        XCTAssertEqual(try mode(ledger.dataDirectory), 0o750)
        XCTAssertEqual(try mode("\(ledger.dataDirectory)/ledger.log"), 0o640)
        let personal = "\(ledger.dataDirectory)/personal-data"
        XCTAssertEqual(try mode(personal), 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: personal) {
            XCTAssertEqual(try mode("\(personal)/\(file)"), 0o600, file)
        }
        try await ledger.daemon.stop()

        chmod(ledger.dataDirectory, 0o777)
        let refused = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try refused.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !refused.process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertEqual(refused.process.terminationStatus, 78, refused.errors)
        XCTAssertTrue(refused.errors.contains("chmod o-w \(ledger.dataDirectory)"), refused.errors)
    }
}
