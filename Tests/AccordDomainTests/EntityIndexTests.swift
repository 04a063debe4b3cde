import Foundation
import XCTest

@testable import AccordDomain

final class EntityIndexTests: XCTestCase {
    private let agreement = Event.agreementSigned(Story.mouSigned)
    private var agreementStream: String { StreamName.agreement(Story.mouID) }

    /// Given positions listed ascending and a copy kept halfway (an earlier state sharing the list), when more are
    /// listed, then each list holds its own positions, in order.
    func testListingMorePositionsLeavesAnEarlierCopyAsItWas() {
        var list = PositionList.one(3)
        var kept: [(PositionList, [UInt64])] = []
        var expected: [UInt64] = [3]
        for position in stride(from: UInt64(5), through: 400, by: 2) {
            list = list.inserting(position)
            expected.append(position)
            if position % 61 == 0 { kept.append((list, expected)) }
        }
        XCTAssertEqual(list.positions, expected)
        XCTAssertFalse(kept.isEmpty)
        for (copy, positions) in kept { XCTAssertEqual(copy.positions, positions) }
    }

    /// Given a list, when a correction makes an older event write to the entity, then its position takes its
    /// place; when a position already listed comes again, then nothing changes.
    func testAnOlderPositionTakesItsPlaceAndARepeatIsIgnored() {
        var list = PositionList.one(10)
        for position: UInt64 in [20, 30, 40] { list = list.inserting(position) }
        XCTAssertEqual(list.inserting(25).positions, [10, 20, 25, 30, 40])
        XCTAssertEqual(list.inserting(1).positions, [1, 10, 20, 30, 40])
        XCTAssertEqual(list.inserting(30), list)
        XCTAssertEqual(PositionList.one(7).inserting(7), .one(7))
        XCTAssertEqual(PositionList.one(7).inserting(2).positions, [2, 7])
    }

    /// Given events in one stream, a correction of one of them and a retraction, then the stream's version counts all
    /// of them, and the entity lists the positions whose facts write to it (the corrected one once).
    func testTheVersionCountsEveryEventOfTheStreamAndThePositionsTheWritingOnes() {
        var index = EntityIndex()
        index.note(inStream: agreementStream, facts: agreement, at: 1)
        index.note(inStream: agreementStream, facts: agreement, at: 4)
        index.note(inStream: agreementStream, facts: agreement, at: 1)
        index.note(inStream: agreementStream, facts: nil, at: 9)
        XCTAssertEqual(index.streamVersion(agreementStream), 4)
        XCTAssertEqual(index.positions(of: [agreementStream]), [1, 4])
        XCTAssertEqual(index.streamVersion("agreement/other"), 0)
        XCTAssertEqual(index.positions(of: ["agreement/other"]), [])
    }

    /// Given an event that writes to entities other than its stream's (a secondment lists itself under its person,
    /// agreement and site), then those entities list its position without counting it in their streams.
    func testAnEventListedUnderAnotherEntityIsNotCountedInItsStream() {
        let secondment = Event.secondmentStarted(Story.secondment("s1", person: "alice", site: "ispra"))
        var index = EntityIndex()
        index.note(inStream: secondment.streamID, facts: secondment, at: 7)
        XCTAssertEqual(index.streamVersion(secondment.streamID), 1)
        for entityID in ["person/alice", agreementStream, "site/ispra"] {
            XCTAssertEqual(index.positions(of: [entityID]), [7], entityID)
            XCTAssertEqual(index.streamVersion(entityID), 0, entityID)
        }
        XCTAssertEqual(index.positions(of: ["person/alice", "site/ispra", secondment.streamID]), [7])
    }
}
