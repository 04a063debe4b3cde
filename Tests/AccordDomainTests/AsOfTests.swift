import Foundation
import XCTest

@testable import AccordDomain

final class AsOfTests: XCTestCase {
    func testTheLedgerAsItStoodBeforeACorrection() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "seville"))
        let scenario = Scenario(checked: Story.firstYear)
            .after(.correctEvent(CorrectEvent(position: 19, corrected: corrected, reason: "Seville")))
        XCTAssertEqual(scenario.state.secondment(id: "s1")?.hostSite, "seville")
        let before = scenario.state.asOf(position: 29)
        XCTAssertEqual(before.secondment(id: "s1")?.hostSite, "ispra")
        XCTAssertEqual(before.eventCount, 29)
        XCTAssertEqual(scenario.state.asOf(position: 18).secondments(), [])
    }

    func testTheLedgerAsItStoodAtARecordedTime() {
        let state = Scenario(checked: Story.firstYear).state
        let atNineteen = state.asOf(recordedAt: Date(timeIntervalSince1970: 1_767_657_600 + 19))
        XCTAssertEqual(atNineteen.lastPosition, 19)
        XCTAssertEqual(atNineteen.secondments().map(\.secondmentID), ["s1"])
        XCTAssertEqual(state.asOf(recordedAt: Date(timeIntervalSince1970: 0)).eventCount, 0)
    }

    /// A version kept for queries holds no entity positions and borrows the head's when it advances: every read model
    /// and timeline must come out as a replay from the first event makes them, corrections past the version included.
    func testAVersionKeptForQueriesAdvancesAsAReplayFromTheFirstEvent() {
        let people = ["p0", "p1", "p2", "p3", "p4"]
        var compared = 0
        for seed in UInt64(1)...20 {
            var history = RandomHistory(seed: seed)
            for _ in 0..<150 where history.recordNext() == nil { break }
            let head = history.state
            guard let last = head.lastPosition else { continue }
            var versions: [LedgerState] = [LedgerState.initial.forQueries]
            for position in stride(from: UInt64(10), through: last, by: 10) {
                versions.append(head.asOf(position: position).forQueries)
            }
            for position in UInt64(1)...last {
                let version = versions.last { ($0.lastPosition ?? 0) <= position } ?? versions[0]
                let advanced = version.advanced(through: position, recordedIn: head)
                let replayed = head.asOf(position: position)
                guard advanced.projection == replayed.projection,
                    people.allSatisfy({ advanced.personHistory(id: $0) == replayed.personHistory(id: $0) })
                else {
                    XCTFail(
                        "seed \(seed): the state at position \(position) advanced from the version at "
                            + "\(version.lastPosition ?? 0) differs from a replay; rerun RandomHistory(seed: \(seed))"
                    )
                    return
                }
                compared += 1
            }
        }
        // The stories must be long enough to pass versions and corrections.
        XCTAssertGreaterThan(compared, 2_000)
    }

    /// A version kept before the head's read models were decoded (a start from a snapshot, a rebuild) cannot borrow
    /// the head's slots, which number the ids otherwise: it is replayed from the first event, to the same state.
    func testAVersionOfAnotherNumberingIsReplayedFromTheFirstEvent() throws {
        for seed in UInt64(1)...10 {
            var history = RandomHistory(seed: seed)
            for _ in 0..<120 where history.recordNext() == nil { break }
            let evolved = history.state
            guard let last = evolved.lastPosition, last > 20 else { continue }
            let version = evolved.asOf(position: 20).forQueries
            var restored = LedgerState.initial
            for recorded in evolved.history { restored.restore(recorded) }
            restored.adopt(
                try JSONDecoder().decode(ReadModels.self, from: try JSONEncoder().encode(evolved.readModels))
            )
            for position in [20, 21, max(21, last / 2), last] {
                XCTAssertEqual(
                    version.advanced(through: position, recordedIn: restored).projection,
                    evolved.asOf(position: position).projection,
                    "seed \(seed), position \(position)"
                )
            }
        }
    }
}
