import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import XCTest

final class LedgerStoreTests: XCTestCase {
    func testTheMemoryStoreHoldsTheSameBytesAsTheLogFile() async throws {
        let file = try await EngineFixture(.file)
        let memory = try await EngineFixture(.memory)
        for fixture in [file, memory] {
            for id in ["cnrs", "jrc", "inria"] {
                try await fixture.execute(EngineFixture.institution(id), requestID: "register-\(id)")
            }
        }
        XCTAssertEqual(memory.engine.head, file.engine.head, "same records, same chain")
        XCTAssertEqual(Data(file.logBytes.dropFirst(LogFormat.headerBytes)), memory.logBytes)
    }

    func testTheMemoryStoreRefusesAHeadItDoesNotHold() async throws {
        let store = MemoryLedgerStore()
        let draft = RecordDraft(
            recordedAtMicroseconds: 0,
            authorUserID: 0,
            authorName: "root",
            eventType: "Test",
            streamID: "test/1",
            payload: Array("{}".utf8)
        )
        _ = try store.enqueue([draft, draft])
        let head = store.durableHead
        let records = try await store.records(from: 2, through: head, limit: 10)
        XCTAssertEqual(records.map(\.position), [2])
        do {
            _ = try await store.records(
                from: 1,
                through: ChainHead(position: 2, hash: ChainHead.genesis.hash),
                limit: 1
            )
            XCTFail("a head with another hash is not this ledger's")
        } catch {
            XCTAssertEqual(error.code, LogErrorCode.headNotFound)
        }
        try store.close()
        XCTAssertThrowsError(try store.enqueue([draft])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.closed)
        }
    }
}

final class StartTests: XCTestCase {
    /// Payloads are decoded in parallel batches; a record this build cannot read still stops the start, naming it.
    func testAnUndecodableRecordStopsTheStartNamingItsPosition() async throws {
        var template = Array("/tmp/accord-start-XXXXXX".utf8CString)
        let folder = String(cString: try XCTUnwrap(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (writer, _) = try LogWriter.open(path: .init("\(folder)/\(LedgerEngine.logFileName)"))
        let good = try (0..<5_000).map { index in
            let event = Event.institutionRegistered(
                InstitutionRegistered(institutionID: "i\(index)", name: "I \(index)", country: "FR", kind: .other)
            )
            return RecordDraft(
                recordedAtMicroseconds: 0,
                authorUserID: 0,
                authorName: "root",
                eventType: event.typeName,
                streamID: event.streamID,
                payload: Array(try event.encodedPayload())
            )
        }
        var unknown = good[0]
        unknown.eventType = "FromTheFuture"
        _ = try await writer.append(Array(good[..<4_500]) + [unknown] + Array(good[4_500...]))
        try writer.close()
        do throws(EngineError) {
            _ = try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
            XCTFail("a record of an unknown type must stop the start")
        } catch {
            XCTAssertEqual(error.code, "event_undecodable")
            XCTAssertTrue(error.message.contains("position 4501"), error.message)
        }
    }
}
