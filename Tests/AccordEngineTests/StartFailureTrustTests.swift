import AccordEngine
import AccordLog
import Foundation
import XCTest

/// Whether a failed start means the ledger's files cannot be trusted (the daemon then exits 65 and systemd does not
/// restart it) is a property of the error, never read from its code's spelling: damage, a lost log and an unreadable
/// record are untrusted data; a lock held by another process or a failed system call are not.
final class StartFailureTrustTests: XCTestCase {
    func testDamageALostLogAndAnUnreadableRecordAreUntrustedDataALockIsNot() async throws {
        let fixture = try await EngineFixture(.file)
        for index in 0..<3 { try await fixture.execute(EngineFixture.institution("i\(index)")) }

        let locked = Self.startFailure(fixture.folder)
        XCTAssertEqual(locked?.code, LogErrorCode.locked, "the fixture's engine holds the log")
        XCTAssertEqual(locked?.meansUntrustedData, false, "another process holds the log: not the data's fault")

        try fixture.engine.close()
        let logPath = "\(fixture.folder)/\(LedgerEngine.logFileName)"
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: logPath))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: logPath))
        let damaged = Self.startFailure(fixture.folder)
        XCTAssertNotNil(damaged)
        XCTAssertEqual(damaged?.meansUntrustedData, true, "a changed byte: \(String(describing: damaged))")

        try FileManager.default.createDirectory(
            atPath: "\(fixture.folder)/\(LedgerEngine.personalDataFolderName)",
            withIntermediateDirectories: true
        )
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: "\(fixture.folder)/\(LedgerEngine.personalDataFolderName)/sha256-00.json",
                contents: Data("{}".utf8)
            )
        )
        try FileManager.default.removeItem(atPath: logPath)
        let missing = Self.startFailure(fixture.folder)
        XCTAssertEqual(missing?.code, "log_missing")
        XCTAssertEqual(missing?.meansUntrustedData, true)
        XCTAssertTrue(FileManager.default.createFile(atPath: logPath, contents: Data(count: LogFormat.headerBytes)))
        let emptied = Self.startFailure(fixture.folder)
        XCTAssertEqual(emptied?.code, "log_emptied")
        XCTAssertEqual(emptied?.meansUntrustedData, true)
        // The fixture closes its engine again when it ends.
        fixture.engine = try await LedgerEngine.open(
            store: MemoryLedgerStore(records: []),
            dataDirectory: fixture.folder,
            clock: EngineFixture.clock
        )
    }

    /// Each code keeps the meaning the daemon gave it before: what says the log's content is wrong is untrusted
    /// data; a failed system call, a lock, a full disk and the limits of an append are not.
    func testEveryLogErrorCodeKeepsItsMeaning() {
        let untrusted = [
            LogErrorCode.tornTail, LogErrorCode.chainBroken, LogErrorCode.checksumMismatch, LogErrorCode.tailDamaged,
            LogErrorCode.badFrame, LogErrorCode.positionGap, LogErrorCode.invalidRecord, LogErrorCode.badHeader,
            LogErrorCode.headNotFound, LogErrorCode.treeUnavailable, LogErrorCode.checkpointContradicted,
            LogErrorCode.shorterThanCheckpoint, LogErrorCode.checkpointedTailDamaged,
        ]
        let trusted = [
            LogErrorCode.ioError, LogErrorCode.locked, LogErrorCode.diskFull, LogErrorCode.closed,
            LogErrorCode.writerFailed, LogErrorCode.recordTooLarge, LogErrorCode.fieldTooLong,
            LogErrorCode.invalidDraft, LogErrorCode.batchTooLarge, LogErrorCode.queueFull,
        ]
        for code in untrusted {
            XCTAssertTrue(LogError(code: code, message: "").meansUntrustedData, code)
        }
        for code in trusted {
            XCTAssertFalse(LogError(code: code, message: "").meansUntrustedData, code)
        }
    }

    private static func startFailure(_ folder: String) -> EngineError? {
        do throws(EngineError) {
            let engine = try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
            try? engine.close()
            return nil
        } catch {
            return error
        }
    }
}
