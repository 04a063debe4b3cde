@testable import AccordLog
import Crypto
import XCTest

final class FormatTests: XCTestCase {
    func testCRC32CCheckValue() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
    }

    /// Every length and alignment against a bit-at-a-time reference, so the 8-byte steps and the tail agree.
    func testCRC32CMatchesABitwiseReferenceAtEveryLengthAndAlignment() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<9 {
            for end in start...bytes.count {
                XCTAssertEqual(CRC32C.checksum(bytes[start..<end]), bitwiseCRC32C(bytes[start..<end]))
            }
        }
    }

    private func bitwiseCRC32C(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    func testGenesisHashIsTheDocumentedValue() {
        XCTAssertEqual(
            Hex.encode(LogFormat.genesisHash),
            "42b3afb76b794afa7aa9d1c57fb137b30b4b5c84df4154c75e74b79f59c57684"
        )
        XCTAssertEqual(LogFormat.genesisHash, Array(SHA256.hash(data: Array("accord-ledger-genesis-v1".utf8))))
        XCTAssertEqual(ChainHead.genesis, ChainHead(position: 0, hash: Hex.encode(LogFormat.genesisHash)))
    }

    func testHeaderBytes() {
        XCTAssertEqual(
            Hex.encode(FileHeader.encode()),
            "4143434f52444c470100200000000000000000000000000000000000f5adbe06"
        )
    }

    func testHexRoundTrip() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff]
        XCTAssertEqual(Hex.encode(bytes), "000fa5ff")
        XCTAssertEqual(Hex.decode("000FA5ff"), bytes)
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("zz"))
    }

    func testEveryFieldRoundTrips() throws {
        for index in 0..<8 {
            let draft = Fixtures.draft(index)
            let (bytes, record) = RecordFrame.encode(draft, position: 7, previousHash: LogFormat.genesisHash)
            XCTAssertEqual(bytes.count, RecordFrame.encodedLength(draft))
            let parsed = try RecordFrame.parse(
                bytes[...],
                offset: 32,
                expectedPosition: 7,
                expectedPreviousHash: LogFormat.genesisHash
            )
            XCTAssertEqual(parsed, .success(record))
            XCTAssertEqual(try parsed.get().draft, draft)
        }
    }

    func testSmallestFrame() {
        let draft = RecordDraft(
            recordedAtMicroseconds: 0,
            authorUserID: 0,
            authorName: "",
            eventType: "",
            streamID: "",
            payload: []
        )
        XCTAssertEqual(RecordFrame.encodedLength(draft), LogFormat.minimumFrameBytes)
        XCTAssertEqual(LogFormat.minimumFrameBytes, 114)
    }

    /// The record of the worked example in docs/log-format.md, byte for byte.
    func testWorkedExampleOfTheDocumentation() throws {
        let (bytes, record) = RecordFrame.encode(
            WorkedExample.draft,
            position: 1,
            previousHash: LogFormat.genesisHash
        )
        XCTAssertEqual(Hex.encode(bytes), WorkedExample.frameHex)
        XCTAssertEqual(record.hashHex, WorkedExample.hashHex)
    }
}
