@testable import AccordLog
import Foundation
import SystemPackage
import XCTest

final class WriterTests: LogTestCase {
    func testCreatesAnEmptyLogWithAHeader() throws {
        let (writer, report) = try LogWriter.open(path: path)
        XCTAssertTrue(report.created)
        XCTAssertEqual(report.head, .genesis)
        XCTAssertEqual(writer.head, .genesis)
        XCTAssertNil(report.tornTail)
        try writer.close()
        XCTAssertEqual(try Fixtures.bytes(of: path), FileHeader.encode())
        XCTAssertEqual(try directory.contents(), ["ledger.log", "ledger.log.tree"])
    }

    func testAppendReopenAndContinueTheChain() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let first = try await writer.append((0..<3).map { Fixtures.draft($0) })
        XCTAssertEqual(first.map(\.position), [1, 2, 3])
        XCTAssertEqual(first[0].previousHash, LogFormat.genesisHash)
        XCTAssertEqual(first[1].previousHash, first[0].hash)
        XCTAssertEqual(first.map(\.draft), (0..<3).map { Fixtures.draft($0) })
        XCTAssertEqual(writer.head, first[2].chainHead)
        try writer.close()

        let progress = Collector<VerificationProgress>()
        let (reopened, report) = try Fixtures.openWriter(path) { options in
            options.progressIntervalRecords = 2
            options.progress = { progress.append($0) }
        }
        XCTAssertFalse(report.created)
        XCTAssertEqual(report.head, first[2].chainHead)
        XCTAssertEqual(reopened.head, first[2].chainHead)
        XCTAssertEqual(progress.values.map(\.recordsVerified), [2, 3])
        XCTAssertEqual(progress.values.last?.bytesVerified, report.fileBytes)
        let second = try await reopened.append([Fixtures.draft(3)])
        XCTAssertEqual(second[0].position, 4)
        XCTAssertEqual(second[0].previousHash, first[2].hash)
        try reopened.close()

        let records = try LogReader.open(path: path).records(from: 1, maximumCount: 10)
        XCTAssertEqual(records, first + second)
    }

    func testEnqueueGivesRecordsAtOnceAndInOrder() throws {
        let (writer, _) = try LogWriter.open(path: path)
        let pendings = try (0..<5).map { index in try writer.enqueue([Fixtures.draft(index)]) }
        XCTAssertEqual(pendings.flatMap(\.records).map(\.position), [1, 2, 3, 4, 5])
        for pending in pendings {
            XCTAssertEqual(try pending.waitBlocking(), pending.records)
            XCTAssertTrue(pending.isCompleted)
        }
        XCTAssertEqual(writer.head.position, 5)
        try writer.close()
    }

    func testOversizedRecordIsRefusedAndNothingIsWritten() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        _ = try await writer.append([Fixtures.draft(0)])
        let sizeBefore = try Fixtures.bytes(of: path).count
        let tooLarge = Fixtures.draft(1, payloadBytes: LogLimits.maximumPayloadBytes + 1)
        XCTAssertThrowsError(try writer.enqueue([Fixtures.draft(2), tooLarge])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.recordTooLarge)
        }
        var longName = Fixtures.draft(3)
        longName.authorName = String(repeating: "é", count: 513)
        XCTAssertThrowsError(try writer.enqueue([longName])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.fieldTooLong)
        }
        var shortDigest = Fixtures.draft(4)
        shortDigest.requestDigest = [1, 2, 3]
        XCTAssertThrowsError(try writer.enqueue([shortDigest])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.invalidDraft)
        }
        XCTAssertEqual(writer.head.position, 1)
        XCTAssertEqual(try Fixtures.bytes(of: path).count, sizeBefore)

        let largest = Fixtures.draft(5, payloadBytes: LogLimits.maximumPayloadBytes)
        let next = try await writer.append([largest])
        XCTAssertEqual(next.map(\.position), [2])
        try writer.close()
        XCTAssertEqual(try LogReader.open(path: path).verify().position, 2)
    }

    func testBatchAndQueueLimits() throws {
        let (writer, _) = try Fixtures.openWriter(path) { options in
            options.maximumBatchRecords = 3
            options.maximumQueuedRecords = 4
        }
        XCTAssertThrowsError(try writer.enqueue((0..<4).map { Fixtures.draft($0) })) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.batchTooLarge)
        }
        XCTAssertEqual(try writer.enqueue([]).waitBlocking(), [])
        try writer.close()
    }

    func testQueueFullFailsAtOnceWhileTheWriterIsHeld() throws {
        let gate = Gate()
        let (writer, _) = try Fixtures.openWriter(path) { options in
            options.maximumQueuedRecords = 4
            options.beforeWriteRound = { gate.passWhenOpen() }
        }
        let held = try writer.enqueue((0..<3).map { Fixtures.draft($0) })
        XCTAssertTrue(Fixtures.poll { gate.waiting })
        XCTAssertThrowsError(try writer.enqueue((3..<5).map { Fixtures.draft($0) })) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.queueFull)
        }
        let fits = try writer.enqueue([Fixtures.draft(3)])
        XCTAssertEqual(fits.records.map(\.position), [4])
        gate.open()
        XCTAssertEqual(try held.waitBlocking().map(\.position), [1, 2, 3])
        XCTAssertEqual(try fits.waitBlocking().map(\.position), [4])
        try writer.close()
    }

    func testCloseDrainsTheQueueAndRefusesLaterAppends() throws {
        let (writer, _) = try LogWriter.open(path: path)
        let pendings = try (0..<20).map { try writer.enqueue([Fixtures.draft($0)]) }
        try writer.close()
        XCTAssertTrue(pendings.allSatisfy(\.isCompleted))
        XCTAssertEqual(try pendings.last!.waitBlocking().last?.position, 20)
        XCTAssertThrowsError(try writer.enqueue([Fixtures.draft(20)])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.closed)
        }
        XCTAssertNoThrow(try writer.close())
        XCTAssertEqual(try LogReader.open(path: path).verify().position, 20)
    }

    func testASecondWriterIsRefused() throws {
        let (writer, _) = try LogWriter.open(path: path)
        XCTAssertThrowsError(try LogWriter.open(path: path)) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.locked)
        }
        try writer.close()
        let (again, _) = try LogWriter.open(path: path)
        try again.close()
    }

    func testAWedgedWriterIsDetected() throws {
        let gate = Gate()
        let (writer, _) = try Fixtures.openWriter(path) { options in
            options.beforeWriteRound = { gate.passWhenOpen() }
        }
        XCTAssertFalse(writer.isStuck(thresholdNanoseconds: 0))
        let pending = try writer.enqueue([Fixtures.draft(0)])
        XCTAssertTrue(Fixtures.poll { writer.isStuck(thresholdNanoseconds: 20_000_000) })
        let status = writer.status
        XCTAssertEqual(status.pendingAppends, 1)
        XCTAssertEqual(status.pendingRecords, 1)
        XCTAssertGreaterThan(status.oldestPendingAgeNanoseconds, 20_000_000)
        gate.open()
        _ = try pending.waitBlocking()
        XCTAssertFalse(writer.isStuck(thresholdNanoseconds: 0))
        XCTAssertEqual(writer.status.pendingAppends, 0)
        XCTAssertEqual(writer.status.oldestPendingAgeNanoseconds, 0)
        try writer.close()
    }

    /// The writer thread carries its own name, so that top and perf tell it from the thread that opened the log.
    func testTheWriterThreadIsNamed() throws {
        let (writer, _) = try LogWriter.open(path: path)
        XCTAssertTrue(Fixtures.poll { Self.threadNames().contains(WriterThread.name) }, "\(Self.threadNames())")
        try writer.close()
    }

    /// The names of this process's threads, as the kernel shows them.
    private static func threadNames() -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .newlines)
        }
    }

    /// `status` reads the clock before the lock, so an append queued in between is younger than the reading: it
    /// counts as 0 ns old (this once crashed accordd with "Negative value is not representable").
    func testAnAppendYoungerThanTheStatusClockReadingIsZeroNanosecondsOld() throws {
        let gate = Gate()
        let (writer, _) = try Fixtures.openWriter(path) { options in
            options.beforeWriteRound = { gate.passWhenOpen() }
        }
        let reading = ContinuousClock.now
        let pending = try writer.enqueue([Fixtures.draft(0)])
        let status = writer.status(at: reading)
        XCTAssertEqual(status.pendingAppends, 1)
        XCTAssertEqual(status.oldestPendingAgeNanoseconds, 0)
        XCTAssertFalse(status.isStuck(thresholdNanoseconds: 0))
        gate.open()
        _ = try pending.waitBlocking()
        try writer.close()
    }
}
