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
        for position in [1, 2, 4_095, 4_096, 4_097, 6_000, 8_192, UInt64(count)] as [UInt64] {
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
}
