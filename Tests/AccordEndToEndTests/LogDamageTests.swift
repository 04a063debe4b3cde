import Foundation
import XCTest

/// What the daemon does at start with a log cut mid-record or damaged in the middle.
final class LogDamageTests: XCTestCase {
    func testTornTailIsSetAsideAndTheDaemonStarts() async throws {
        let (ledger, logPath) = try await stoppedLedger()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0x41, 0x43, 0x52, 0x44, 0xFF, 0x00, 0x00]))
        try handle.close()

        ledger.daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try await ledger.daemon.start()
        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 8)
        let files = try FileManager.default.contentsOfDirectory(atPath: ledger.dataDirectory)
        let setAside = files.filter { $0.hasPrefix("ledger.log.torn") }
        XCTAssertEqual(setAside.count, 1, "the torn bytes are kept next to the log: \(files)")
        XCTAssertTrue(ledger.daemon.errors.contains("torn"), "the daemon says what it found:\n\(ledger.daemon.errors)")
    }

    func testDamageInTheMiddleStopsTheStartNamingThePosition() async throws {
        let (ledger, logPath) = try await stoppedLedger()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: logPath))
        let middle = bytes.count / 2
        bytes[middle] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: logPath))

        let damaged = try await refusedStart(ledger)
        XCTAssertTrue(damaged.errors.contains("accord.position="), "the message names the position:\n\(damaged.errors)")
        XCTAssertTrue(damaged.errors.contains("is damaged at record "), damaged.errors)
        let after = try Data(contentsOf: URL(fileURLWithPath: logPath))
        XCTAssertEqual(after, bytes, "a damaged log is never rewritten")
    }

    func testAWholeButDamagedLastRecordStopsTheStartUntilTheOperatorSetsItAside() async throws {
        let (ledger, logPath) = try await stoppedLedger()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: logPath))
        bytes[bytes.count - 100] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: logPath))

        let refused = try await refusedStart(ledger)
        XCTAssertTrue(refused.errors.contains("--set-aside-damaged-tail"), refused.errors)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: logPath)),
            bytes,
            "nothing changed without the operator"
        )

        ledger.daemon = try DaemonProcess(
            socketPath: ledger.socketPath,
            dataDirectory: ledger.dataDirectory,
            extraArguments: ["--set-aside-damaged-tail"]
        )
        try await ledger.daemon.start()
        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 7)
        let files = try FileManager.default.contentsOfDirectory(atPath: ledger.dataDirectory)
        XCTAssertEqual(files.filter { $0.hasPrefix("ledger.log.torn") }.count, 1, "the bytes are kept: \(files)")
    }

    /// A ledger holding the walk-through's eight events, its daemon stopped, and the path of its log.
    private func stoppedLedger() async throws -> (LedgerFixture, String) {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try await ledger.daemon.stop()
        return (ledger, "\(ledger.dataDirectory)/ledger.log")
    }

    /// Starts a daemon on the ledger's damaged log and checks that it stops with a failure.
    private func refusedStart(_ ledger: LedgerFixture, file: StaticString = #filePath, line: UInt = #line) async throws
        -> DaemonProcess
    {
        let daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try daemon.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !daemon.process.isRunning }
        XCTAssertTrue(exited, "a damaged log must stop the start", file: file, line: line)
        XCTAssertEqual(
            daemon.process.terminationStatus,
            65,
            "EX_DATAERR keeps systemd from restarting in a loop:\n\(daemon.errors)",
            file: file,
            line: line
        )
        return daemon
    }

    func testALostLogBesidePersonalDataIsNotReplacedByAnEmptyOne() async throws {
        let (ledger, logPath) = try await stoppedLedger()
        try FileManager.default.removeItem(atPath: logPath)
        let refused = try await refusedStart(ledger)
        XCTAssertTrue(refused.errors.contains("log_missing"), refused.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: logPath), "no new, empty ledger hides the loss")
    }

    func testAHeaderOnlyOrShorterLogBesidePersonalDataIsRefusedLikeALostOne() async throws {
        for length in [32, 10, 0] {
            let (ledger, logPath) = try await stoppedLedger()
            let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: logPath))
            try handle.truncate(atOffset: UInt64(length))
            try handle.close()
            let refused = try await refusedStart(ledger)
            XCTAssertTrue(refused.errors.contains("log_emptied"), "\(length) bytes: \(refused.errors)")
            XCTAssertTrue(refused.errors.contains("Restore ledger.log from a backup"), refused.errors)
            let size = try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int
            XCTAssertEqual(size, length, "the emptied log is left as found")
        }
    }
}
