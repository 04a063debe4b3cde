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
