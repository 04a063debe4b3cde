@testable import AccordLog
import Foundation
import SystemPackage
import XCTest

import Glibc

/// Real write failures: a tmpfs file system of a few pages fills up under the writer.
final class WriterFailureTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var mountPoint: FilePath!
    private var mounted = false

    override func setUpWithError() throws {
        guard getuid() == 0 else {
            throw XCTSkip("mounting a small tmpfs to fill it needs root; run the tests as root to cover disk-full")
        }
        directory = try TemporaryDirectory()
        mountPoint = directory.file("small")
        try FileManager.default.createDirectory(atPath: mountPoint.string, withIntermediateDirectories: false)
        guard mount("tmpfs", mountPoint.string, "tmpfs", 0, "size=128k,mode=0700") == 0 else {
            let reason = String(cString: strerror(errno))
            directory.remove()
            throw XCTSkip("cannot mount a tmpfs here (\(reason)); disk-full behaviour is not covered")
        }
        mounted = true
    }

    override func tearDown() {
        if mounted { _ = umount2(mountPoint.string, Int32(MNT_DETACH)) }
        directory?.remove()
    }

    func testAFullDiskFailsTheWriterForGoodAndLosesNoAcknowledgedRecord() throws {
        let path = mountPoint.appending("ledger.log")
        let (writer, _) = try LogWriter.open(path: path)
        var acknowledged: [Record] = []
        var failure: LogError?
        for index in 0..<20 {
            do throws(LogError) {
                acknowledged += try writer.enqueue([Fixtures.draft(index, payloadBytes: 20_000)]).waitBlocking()
            } catch {
                failure = error
                break
            }
        }
        let error = try XCTUnwrap(failure, "128 KiB cannot hold 20 records of 20 kB")
        XCTAssertEqual(error.code, LogErrorCode.writerFailed)
        XCTAssertEqual(error.errno, ENOSPC)
        XCTAssertTrue(error.message.contains("no longer writable"), error.message)
        XCTAssertGreaterThan(acknowledged.count, 0)
        XCTAssertEqual(writer.head, acknowledged.last?.chainHead)
        XCTAssertEqual(writer.status.failure, error)

        XCTAssertThrowsError(try writer.enqueue([Fixtures.draft(99)])) { later in
            XCTAssertEqual((later as? LogError)?.code, LogErrorCode.writerFailed)
        }
        XCTAssertThrowsError(try writer.close()) { closing in
            XCTAssertEqual((closing as? LogError)?.code, LogErrorCode.writerFailed)
        }
        let bytesAfterFailure = try Fixtures.bytes(of: path)
        let sizeAfterFailure = UInt64(bytesAfterFailure.count)
        let acknowledgedBytes = acknowledged.reduce(UInt64(LogFormat.headerBytes)) { total, record in
            total + UInt64(RecordFrame.encodedLength(record.draft))
        }
        if sizeAfterFailure > acknowledgedBytes {
            XCTAssertThrowsError(try LogWriter.open(path: path), "no room to set the torn tail aside") { opening in
                XCTAssertEqual((opening as? LogError)?.errno, ENOSPC)
            }
            XCTAssertEqual(try Fixtures.bytes(of: path), bytesAfterFailure)
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: mountPoint.string).sorted(),
                ["ledger.log", "ledger.log.tree"]
            )
        }

        XCTAssertEqual(mount("tmpfs", mountPoint.string, "tmpfs", UInt(MS_REMOUNT), "size=4m"), 0)
        let (reopened, report) = try LogWriter.open(path: path)
        XCTAssertEqual(report.head, acknowledged.last?.chainHead)
        if sizeAfterFailure > report.fileBytes {
            let tornTail = try XCTUnwrap(report.tornTail)
            XCTAssertEqual(tornTail.byteCount, sizeAfterFailure - report.fileBytes)
        } else {
            XCTAssertNil(report.tornTail)
        }
        try reopened.close()
        let stored = try LogReader.open(path: path).records(from: 1, maximumCount: 100)
        XCTAssertEqual(stored, acknowledged)
    }
}
