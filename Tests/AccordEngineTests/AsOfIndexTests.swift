import AccordDomain
import Foundation
import XCTest

@testable import AccordEngine

/// The versions and recorded times "as of" queries start from agree with a replay from the first event.
final class AsOfIndexTests: XCTestCase {
    /// Across several kept versions, with a clock that sometimes steps back by more than a minute.
    func testThePastFromAKeptVersionIsTheReplayedPastAndTimesMapToTheLogsOrder() {
        let count = Int(AsOfIndex.interval) * 2 + 300
        var times: [Date] = []
        var head = LedgerState.initial
        var index = AsOfIndex()
        for offset in 0..<count {
            let steppedBack = offset % 7 == 3 ? -90.0 : 0
            let time = Date(timeIntervalSince1970: 1_767_657_600 + Double(offset) + steppedBack)
            times.append(time)
            let institution = InstitutionRegistered(
                institutionID: "i\(offset)",
                name: "Institution \(offset)",
                country: "FR",
                kind: .university
            )
            head.evolve(
                RecordedEvent(
                    position: UInt64(offset + 1),
                    recordedAt: time,
                    author: Author(userID: 1000, name: "camille"),
                    event: .institutionRegistered(institution)
                )
            )
            index.note(head, firstPosition: UInt64(offset + 1), recordedAt: time)
        }
        let interval = AsOfIndex.interval
        for position in [1, 2, interval - 1, interval, interval + 1, interval * 3 / 2, interval * 2, UInt64(count)] {
            let past = index.state(at: position, head: head)
            XCTAssertEqual(past.lastPosition, position)
            XCTAssertEqual(past.institutions().count, Int(position))
            XCTAssertEqual(past.institution(id: "i\(position - 1)")?.institutionID, "i\(position - 1)")
        }
        for probe in [-200.0, 0, 2.5, 3, 4, 89, 1_000.5, 5_000, Double(count) - 1, Double(count) + 10] {
            let time = Date(timeIntervalSince1970: 1_767_657_600 + probe)
            // The definition: the log up to its first event recorded after the time.
            let expected = times.firstIndex { $0 > time }.map { UInt64($0) }
            XCTAssertEqual(index.lastPosition(recordedAtOrBefore: time), expected, "at +\(probe) s")
        }
    }

    /// Around the kept versions (just before, at and just after one, a correction right after it), the past served
    /// for queries, which keeps no stream versions, answers every read model as a full replay from the first event.
    func testThePastAroundAKeptVersionAnswersAsAFullReplayAfterACorrection() {
        let interval = Int(AsOfIndex.interval)
        let author = Author(userID: 1000, name: "camille")
        let start = Date(timeIntervalSince1970: 1_767_657_600)
        var head = LedgerState.initial
        var index = AsOfIndex()
        func record(_ event: Event) {
            let position = UInt64(head.eventCount + 1)
            let time = start.addingTimeInterval(Double(position))
            head.evolve(RecordedEvent(position: position, recordedAt: time, author: author, event: event))
            index.note(head, firstPosition: position, recordedAt: time)
        }
        func institution(_ offset: Int, name: String) -> InstitutionRegistered {
            InstitutionRegistered(institutionID: "i\(offset)", name: name, country: "FR", kind: .university)
        }
        for offset in 0..<interval {
            record(.institutionRegistered(institution(offset, name: "Institution \(offset)")))
        }
        let correction = EventCorrected(
            position: 3,
            corrected: .institutionRegistered(institution(2, name: "Renamed")),
            reason: "its real name"
        )
        record(.eventCorrected(correction))
        for offset in interval..<(interval * 2 + 10) {
            record(.institutionRegistered(institution(offset, name: "Institution \(offset)")))
        }
        let boundaries = [interval - 1, interval, interval + 1, interval + 2, interval * 2 - 1, interval * 2]
        for position in boundaries.map(UInt64.init) + [1, UInt64(head.eventCount)] {
            let past = index.state(at: position, head: head)
            let replayed = head.asOf(position: position)
            XCTAssertEqual(past.lastPosition, position)
            XCTAssertEqual(past.institutions(), replayed.institutions(), "at \(position)")
            let entity = "institution/i2"
            XCTAssertEqual(past.corrections(ofEntity: entity), replayed.corrections(ofEntity: entity), "at \(position)")
        }
        XCTAssertEqual(index.state(at: UInt64(interval), head: head).institution(id: "i2")?.name, "Institution 2")
        XCTAssertEqual(index.state(at: UInt64(interval + 1), head: head).institution(id: "i2")?.name, "Renamed")
        XCTAssertEqual(head.streamVersion("institution/i2"), 2, "the head still counts its streams' versions")
    }
}
