@testable import AccordLog
import Foundation
import SystemPackage
import XCTest

final class ReaderTests: LogTestCase {
    private func writeRecords(_ count: Int, batch: Int = 100) throws -> [Record] {
        let (writer, _) = try LogWriter.open(path: path)
        var records: [Record] = []
        for start in stride(from: 0, to: count, by: batch) {
            let drafts = (start..<min(start + batch, count)).map { Fixtures.draft($0) }
            records += try writer.enqueue(drafts).waitBlocking()
        }
        try writer.close()
        return records
    }

    func testPagingFromAPosition() throws {
        let records = try writeRecords(25)
        let reader = try LogReader.open(path: path)
        XCTAssertEqual(try reader.records(from: 10, maximumCount: 5), Array(records[9..<14]))
        XCTAssertEqual(try reader.records(from: 24, maximumCount: 5), Array(records[23..<25]))
        XCTAssertEqual(try reader.records(from: 26, maximumCount: 5), [])
        XCTAssertEqual(try reader.records(from: 0, maximumCount: 2), Array(records[0..<2]))
        XCTAssertEqual(
            try reader.records(from: 3, through: records[4].chainHead, maximumCount: 10),
            Array(records[2..<5])
        )
        var cursor = try reader.cursor(from: 25)
        XCTAssertEqual(try cursor.next(), records[24])
        XCTAssertNil(try cursor.next())
        XCTAssertNil(try cursor.next())
        XCTAssertEqual(try reader.verify(), records[24].chainHead)
    }

    func testCheckpointsLetLaterPagesStartNearTheirPosition() throws {
        let records = try writeRecords(3_000, batch: 1_000)
        let reader = try LogReader.open(path: path)
        XCTAssertEqual(reader.checkpointCount, 1)
        XCTAssertEqual(try reader.records(from: 2_990, maximumCount: 20), Array(records[2_989...]))
        XCTAssertEqual(reader.checkpointCount, 3)
        XCTAssertEqual(try reader.records(from: 1_500, maximumCount: 3), Array(records[1_499..<1_502]))
        XCTAssertEqual(try reader.records(from: 2_049, maximumCount: 1), [records[2_048]])
        XCTAssertEqual(try reader.records(from: 1_025, maximumCount: 1), [records[1_024]])
    }

    func testAHeadTheFileDoesNotHoldIsReported() throws {
        let records = try writeRecords(3)
        let reader = try LogReader.open(path: path)
        let beyond = ChainHead(position: 4, hash: records[2].hashHex)
        XCTAssertThrowsError(try reader.records(from: 1, through: beyond, maximumCount: 10)) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.headNotFound)
        }
        let otherHash = ChainHead(position: 2, hash: records[2].hashHex)
        XCTAssertThrowsError(try reader.records(from: 1, through: otherHash, maximumCount: 10)) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.headNotFound)
            XCTAssertEqual((error as? LogError)?.position, 2)
        }
        XCTAssertEqual(try reader.records(from: 1, through: .genesis, maximumCount: 10), [])
    }

    func testATornTailIsAnErrorForAReaderWhichChangesNothing() throws {
        _ = try writeRecords(3)
        var bytes = try Fixtures.bytes(of: path)
        bytes.removeLast(5)
        try Fixtures.write(bytes, to: path)
        let reader = try LogReader.open(path: path)
        XCTAssertEqual(try reader.records(from: 1, maximumCount: 2).count, 2)
        XCTAssertThrowsError(try reader.verify()) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.tornTail)
            XCTAssertEqual((error as? LogError)?.position, 3)
        }
        XCTAssertEqual(try Fixtures.bytes(of: path), bytes)
    }

    func testReadingThroughTheDurableHeadWhileTheWriterAppends() throws {
        let (writer, _) = try LogWriter.open(path: path)
        let reader = try LogReader.open(path: path)
        let appended = DispatchGroup()
        let failures = Collector<String>()
        appended.enter()
        Thread.detachNewThread {
            defer { appended.leave() }
            for start in stride(from: 0, to: 2_000, by: 10) {
                do {
                    _ = try writer.enqueue((start..<start + 10).map { Fixtures.draft($0) })
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        var reads = 0
        var lastSeen: UInt64 = 0
        while reads < 50 || writer.head.position < 2_000 {
            let head = writer.head
            let records = try reader.records(from: 1, through: head, maximumCount: 3_000)
            XCTAssertEqual(records.count, Int(head.position))
            XCTAssertEqual(records.last?.chainHead ?? .genesis, head)
            XCTAssertGreaterThanOrEqual(head.position, lastSeen)
            lastSeen = head.position
            reads += 1
            if reads > 10_000 { break }
        }
        XCTAssertEqual(appended.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures.values, [])
        try writer.close()
        XCTAssertEqual(try reader.verify().position, 2_000)
    }

    func testUnknownExtensionsAreKeptAndCriticalOnesRefused() async throws {
        let known = RecordExtension(type: 7, value: [1, 2, 3])
        let (frame, record) = RecordFrame.encode(
            Fixtures.draft(0),
            position: 1,
            previousHash: LogFormat.genesisHash,
            extensions: [known, RecordExtension(type: 9, value: [])]
        )
        try Fixtures.writeLog([frame], to: path)
        XCTAssertEqual(try LogReader.open(path: path).records(from: 1, maximumCount: 1), [record])
        let (writer, report) = try LogWriter.open(path: path)
        XCTAssertEqual(report.head, record.chainHead)
        let next = try await writer.append([Fixtures.draft(1)])
        XCTAssertEqual(next[0].previousHash, record.hash)
        try writer.close()

        let critical = RecordExtension(type: LogFormat.criticalExtensionBit | 1, value: [0])
        let refused = RecordFrame.encode(
            Fixtures.draft(0),
            position: 1,
            previousHash: LogFormat.genesisHash,
            extensions: [critical]
        ).bytes
        try Fixtures.writeLog([refused], to: path)
        XCTAssertThrowsError(try LogReader.open(path: path).verify()) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.invalidRecord)
            XCTAssertTrue((error as? LogError)?.message.contains("critical extension type 32769") == true)
        }
        XCTAssertThrowsError(try LogWriter.open(path: path)) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.invalidRecord)
        }
    }
}
