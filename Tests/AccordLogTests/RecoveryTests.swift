@testable import AccordLog
import Crypto
import Foundation
import SystemPackage
import XCTest

final class RecoveryTests: LogTestCase {
    /// A log of three records written by the real writer; returns its bytes and frame offsets.
    private func threeRecordLog() async throws -> (bytes: [UInt8], offsets: [Int], records: [Record]) {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await writer.append((0..<3).map { Fixtures.draft($0) })
        try writer.close()
        let bytes = try Fixtures.bytes(of: path)
        return (bytes, Fixtures.frameOffsets(bytes), records)
    }

    func testTornTailAtEveryByteOfTheLastRecordIsSetAsideAndTruncated() async throws {
        let (original, offsets, records) = try await threeRecordLog()
        let lastOffset = offsets[2]
        for cut in 1..<(original.count - lastOffset) {
            let torn = Array(original[lastOffset..<lastOffset + cut])
            try Fixtures.write(Array(original[..<(lastOffset + cut)]), to: path)
            let (writer, report) = try LogWriter.open(path: path)
            let recovery = try XCTUnwrap(report.tornTail, "cut at \(cut)")
            XCTAssertEqual(recovery.offset, UInt64(lastOffset))
            XCTAssertEqual(recovery.byteCount, UInt64(cut))
            XCTAssertEqual(recovery.position, 3)
            XCTAssertEqual(recovery.setAsidePath, FilePath("\(path.string).torn-at-\(lastOffset)-1"))
            XCTAssertEqual(try Fixtures.bytes(of: recovery.setAsidePath), torn, "cut at \(cut)")
            XCTAssertEqual(report.head, records[1].chainHead)
            XCTAssertEqual(report.fileBytes, UInt64(lastOffset))
            XCTAssertEqual(try Fixtures.bytes(of: path), Array(original[..<lastOffset]))
            XCTAssertTrue(report.description.contains("torn-at-\(lastOffset)-1"))
            try writer.close()
            try FileManager.default.removeItem(atPath: recovery.setAsidePath.string)
        }
    }

    func testAppendsContinueAfterARecoveredTailAndEarlierSetAsideFilesAreKept() async throws {
        let (original, offsets, records) = try await threeRecordLog()
        for attempt in 1...2 {
            try Fixtures.write(Array(original[..<(offsets[2] + 10)]), to: path)
            let (writer, report) = try LogWriter.open(path: path)
            XCTAssertEqual(report.tornTail?.setAsidePath, FilePath("\(path.string).torn-at-\(offsets[2])-\(attempt)"))
            let appended = try await writer.append([Fixtures.draft(9)])
            XCTAssertEqual(appended[0].position, 3)
            XCTAssertEqual(appended[0].previousHash, records[1].hash)
            try writer.close()
        }
        XCTAssertEqual(try directory.contents().filter { !$0.hasSuffix(".tree") }.count, 3)
    }

    func testACutAtARecordBoundaryIsNotTorn() async throws {
        let (original, offsets, records) = try await threeRecordLog()
        try Fixtures.write(Array(original[..<offsets[2]]), to: path)
        let report = try Fixtures.openAndClose(path)
        XCTAssertNil(report.tornTail)
        XCTAssertEqual(report.head, records[1].chainHead)
    }

    func testABadChecksumInAWholeLastRecordStopsOpenUnlessTheOperatorSetsItAside() async throws {
        var (bytes, offsets, records) = try await threeRecordLog()
        bytes[offsets[2] + 70] ^= 0x01
        try Fixtures.write(bytes, to: path)
        let error = try openFailure()
        XCTAssertEqual(error.code, LogErrorCode.tailDamaged)
        XCTAssertEqual(error.position, 3)
        XCTAssertTrue(error.message.contains("--set-aside-damaged-tail"), error.message)
        XCTAssertEqual(try Fixtures.bytes(of: path), bytes, "a damaged log is never changed without the operator")

        var options = LogWriterOptions()
        options.setAsideDamagedTail = true
        let report = try Fixtures.openAndClose(path, options: options)
        XCTAssertEqual(report.tornTail?.offset, UInt64(offsets[2]))
        XCTAssertTrue(report.tornTail?.reason.contains("CRC-32C") == true)
        XCTAssertEqual(report.head, records[1].chainHead)
    }

    func testZerosAfterTheLastRecordAreSetAside() async throws {
        let (bytes, _, records) = try await threeRecordLog()
        try Fixtures.write(bytes + [UInt8](repeating: 0, count: 4_096), to: path)
        let report = try Fixtures.openAndClose(path)
        XCTAssertEqual(report.tornTail?.offset, UInt64(bytes.count))
        XCTAssertEqual(report.tornTail?.byteCount, 4_096)
        XCTAssertEqual(report.head, records[2].chainHead)
    }

    func testAFlippedByteInTheMiddleRecordStopsOpenAndNamesIt() async throws {
        var (bytes, offsets, _) = try await threeRecordLog()
        bytes[offsets[1] + 100] ^= 0x40
        try Fixtures.write(bytes, to: path)
        let error = try openFailure()
        XCTAssertEqual(error.code, LogErrorCode.checksumMismatch)
        XCTAssertEqual(error.position, 2)
        XCTAssertEqual(error.offset, UInt64(offsets[1]))
        XCTAssertTrue(error.message.contains("record 2 (byte offset \(offsets[1]))"), error.message)
        XCTAssertTrue(error.message.contains("restore the log from a backup"), error.message)
        XCTAssertEqual(try Fixtures.bytes(of: path), bytes, "a damaged log is never changed")
        XCTAssertEqual(
            try directory.contents(),
            ["ledger.log", "ledger.log.tree"],
            "only the derived tree file beside it"
        )
        XCTAssertEqual(try readerFailure().code, LogErrorCode.checksumMismatch)
    }

    func testAnImpossibleLengthInTheMiddleRecordStopsOpen() async throws {
        var (bytes, offsets, _) = try await threeRecordLog()
        bytes[offsets[1] + 7] = 0x7F
        try Fixtures.write(bytes, to: path)
        let error = try openFailure()
        XCTAssertEqual(error.code, LogErrorCode.badFrame)
        XCTAssertEqual(error.position, 2)
        XCTAssertEqual(error.offset, UInt64(offsets[1]))
    }

    func testATamperedPayloadWithAResealedChecksumReportsExpectedAndFoundHash() async throws {
        var (bytes, offsets, records) = try await threeRecordLog()
        let length = offsets[2] - offsets[1]
        let payloadByte = offsets[2] - LogFormat.frameTrailerBytes - 4 - 2
        bytes[payloadByte] = UInt8(ascii: "9")
        Fixtures.resealChecksum(&bytes, frameAt: offsets[1], length: length)
        try Fixtures.write(bytes, to: path)
        let computed = Hex.encode(SHA256.hash(data: bytes[offsets[1]..<offsets[2] - LogFormat.frameTrailerBytes]))
        let error = try openFailure()
        XCTAssertEqual(error.code, LogErrorCode.chainBroken)
        XCTAssertEqual(error.position, 2)
        XCTAssertEqual(error.offset, UInt64(offsets[1]))
        XCTAssertTrue(error.message.contains("expected \(computed)"), error.message)
        XCTAssertTrue(error.message.contains("found \(records[1].hashHex)"), error.message)
        XCTAssertEqual(try readerFailure().code, LogErrorCode.chainBroken)
    }

    func testARecordRewrittenWithItsOwnHashBreaksTheNextLink() async throws {
        let (_, _, records) = try await threeRecordLog()
        var tampered = records.map(\.draft)
        tampered[1].payload = Array("{\"index\":9}".utf8)
        var frames = Fixtures.frames(Array(tampered[0...1]))
        let rewrittenHash = try RecordFrame.parse(
            frames[1][...],
            offset: 0,
            expectedPosition: 2,
            expectedPreviousHash: records[0].hash
        ).get().hash
        frames.append(RecordFrame.encode(records[2].draft, position: 3, previousHash: records[1].hash).bytes)
        try Fixtures.writeLog(frames, to: path)
        let error = try openFailure()
        XCTAssertEqual(error.code, LogErrorCode.chainBroken)
        XCTAssertEqual(error.position, 3)
        XCTAssertTrue(error.message.contains("expected \(Hex.encode(rewrittenHash))"), error.message)
        XCTAssertTrue(error.message.contains("found \(records[1].hashHex)"), error.message)
    }

    func testAPositionGapStopsOpen() throws {
        let drafts = (0..<3).map { Fixtures.draft($0) }
        try Fixtures.writeLog(Fixtures.frames(drafts, positions: [1, 2, 4]), to: path)
        let gap = try openFailure()
        XCTAssertEqual(gap.code, LogErrorCode.positionGap)
        XCTAssertEqual(gap.position, 3)
        XCTAssertTrue(gap.message.contains("position 4 where position 3 was expected"), gap.message)

        var frames = Fixtures.frames(Array(drafts[0...1]))
        frames.append(frames[1])
        try Fixtures.writeLog(frames, to: path)
        let duplicate = try openFailure()
        XCTAssertEqual(duplicate.code, LogErrorCode.positionGap)
        XCTAssertEqual(duplicate.position, 3)
    }

    func testABadHeaderStopsOpenAndLeavesTheFileAlone() throws {
        let valid = FileHeader.encode() + Fixtures.frames([Fixtures.draft(0)]).flatMap { $0 }
        var wrongMagic = valid
        wrongMagic[0] = UInt8(ascii: "X")
        var newerVersion = valid
        newerVersion[8] = 2
        Fixtures.resealChecksum(&newerVersion, frameAt: 0, length: LogFormat.headerBytes)
        var damagedHeader = valid
        damagedHeader[20] = 1
        let cases: [(bytes: [UInt8], fragment: String)] = [
            (wrongMagic, "magic bytes ACCORDLG"),
            (newerVersion, "format version 2"),
            (damagedHeader, "fails its CRC-32C"),
            (Array(valid[0..<10]), "shorter than the 32-byte log header"),
            ([], "shorter than the 32-byte log header"),
        ]
        for (bytes, fragment) in cases {
            try Fixtures.write(bytes, to: path)
            let error = try openFailure()
            XCTAssertEqual(error.code, LogErrorCode.badHeader)
            XCTAssertTrue(error.message.contains(fragment), error.message)
            XCTAssertEqual(try Fixtures.bytes(of: path), bytes)
            XCTAssertThrowsError(try LogReader.open(path: path))
        }
    }

    private func openFailure() throws -> LogError {
        do throws(LogError) {
            let (writer, report) = try LogWriter.open(path: path)
            try writer.close()
            XCTFail("open succeeded: \(report)")
            return LogError(code: "none", message: "")
        } catch {
            return error
        }
    }

    private func readerFailure() throws -> LogError {
        do throws(LogError) {
            let head = try LogReader.open(path: path).verify()
            XCTFail("the reader verified the log up to \(head)")
            return LogError(code: "none", message: "")
        } catch {
            return error
        }
    }
}
