@testable import AccordLog
import Foundation
import SystemPackage
import XCTest

/// The provenance entry of an imported record (docs/log-format.md 4.4.1): written by the log like any entry, read
/// back from the frame, and readable by version 1 from a later, longer layout.
final class RecordProvenanceTests: LogTestCase {
    func testAProvenanceEntryIsWrittenHashedAndReadBack() throws {
        let original = RecordProvenance(
            position: 42,
            recordedAtMicroseconds: 1_767_691_800_123_456,
            authorUserID: 1_000,
            authorName: "camille",
            hash: Array(repeating: 0xAB, count: 32)
        )
        var draft = Fixtures.draft(0)
        draft.extensions = [original.entry]
        let (writer, _) = try LogWriter.open(path: path)
        let written = try writer.enqueue([draft]).waitBlocking()
        try writer.close()
        let read = try LogReader.open(path: path).records(from: 1, maximumCount: 1)
        XCTAssertEqual(read, written)
        XCTAssertEqual(RecordProvenance(extensions: read[0].extensions), original)
        XCTAssertEqual(try Record(frame: read[0].frame), read[0], "the frame an export carries verifies alone")
        var plain = draft
        plain.extensions = []
        XCTAssertNotEqual(
            RecordFrame.encode(plain, position: 1, previousHash: LogFormat.genesisHash).record.hash,
            written[0].hash,
            "the entry is covered by the hash"
        )
    }

    func testVersionOneReadsALaterLongerLayoutAndRefusesATruncatedOne() {
        let entry = RecordProvenance(
            position: 7,
            recordedAtMicroseconds: 0,
            authorUserID: 0,
            authorName: "root",
            hash: Array(repeating: 1, count: 32)
        ).entry
        var later = entry
        later.value[0] = 2
        later.value += [9, 9, 9]
        XCTAssertEqual(RecordProvenance(extensions: [later])?.position, 7)
        var truncated = entry
        truncated.value.removeLast()
        XCTAssertNil(RecordProvenance(extensions: [truncated]))
        XCTAssertNil(RecordProvenance(extensions: []))
    }

    func testTheWriterRefusesExtensionTypesOutOfOrder() throws {
        var draft = Fixtures.draft(0)
        draft.extensions = [RecordExtension(type: 2, value: []), RecordExtension(type: 1, value: [])]
        let (writer, _) = try LogWriter.open(path: path)
        defer { _ = try? writer.close() }
        XCTAssertThrowsError(try writer.enqueue([draft])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.invalidDraft)
        }
    }
}
