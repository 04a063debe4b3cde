import AccordDomain
import AccordEngine
import XCTest

/// Reading the log newest first, by the ids events name, and waiting for new events.
final class HistoryReadingTests: XCTestCase {
    func testBackwardPagesAreNewestFirstAndSayWhereToGoOn() async throws {
        try await forEachStore { ledger in
            for index in 1...2_500 { try await ledger.execute(EngineFixture.institution("i\(index)")) }
            let first = try await ledger.engine.eventsBackward(from: .max, limit: 3, filter: EventFilter())
            XCTAssertEqual(first.events.map(\.recorded.position), [2_500, 2_499, 2_498])
            XCTAssertEqual(first.nextPosition, 2_497)
            let across = try await ledger.engine.eventsBackward(from: 1_502, limit: 1_000, filter: EventFilter())
            XCTAssertEqual(across.events.map(\.recorded.position), Array((503...1_502).reversed()))
            XCTAssertEqual(across.nextPosition, 502)
            let last = try await ledger.engine.eventsBackward(from: 2, limit: 10, filter: EventFilter())
            XCTAssertEqual(last.events.map(\.recorded.position), [2, 1])
            XCTAssertNil(last.nextPosition)
        }
    }

    func testFiltersByTheIdsAPayloadNamesAndByRecordedTime() async throws {
        try await forEachStore { ledger in
            try await ledger.execute(EngineFixture.institution("cnrs"))
            try await ledger.execute(EngineFixture.institution("jrc"))
            try await ledger.execute(
                .registerSite(
                    RegisterSite(siteID: "ispra", institution: "jrc", name: "Ispra", country: "IT", facilities: ["lab"])
                )
            )
            let jrc = try await ledger.engine.events(from: 1, limit: 10, filter: EventFilter(institution: "jrc"))
            XCTAssertEqual(jrc.events.map(\.recorded.position), [2, 3])
            let ispra = try await ledger.engine.events(from: 1, limit: 10, filter: EventFilter(site: "ispra"))
            XCTAssertEqual(ispra.events.map(\.recorded.position), [3])
            let recorded = Int64((EngineFixture.clock().timeIntervalSince1970 * 1_000_000).rounded(.down))
            let before = EventFilter(recordedThroughMicroseconds: recorded - 1)
            let none = try await ledger.engine.events(from: 1, limit: 10, filter: before)
            XCTAssertEqual(none.events.count, 0)
            let from = EventFilter(recordedFromMicroseconds: recorded)
            let all = try await ledger.engine.events(from: 1, limit: 10, filter: from)
            XCTAssertEqual(all.events.count, 3)
        }
    }

    func testAFollowerWaitingBeyondTheHeadWakesOnTheNextDurableEvent() async throws {
        try await forEachStore { ledger in
            try await ledger.execute(EngineFixture.institution("cnrs"))
            let engine = ledger.engine
            let current = await engine.waitForEvents(beyond: 0)
            XCTAssertEqual(current, 1, "already past: returns at once")
            async let woken = engine.waitForEvents(beyond: 1)
            try await ledger.execute(EngineFixture.institution("jrc"))
            let head = await woken
            XCTAssertEqual(head, 2)
        }
    }

    func testACancelledWaitReturnsTheHeadAsItStands() async throws {
        try await forEachStore { ledger in
            let engine = ledger.engine
            let waiting = Task { await engine.waitForEvents(beyond: 0) }
            waiting.cancel()
            let head = await waiting.value
            XCTAssertEqual(head, 0)
        }
    }
}
