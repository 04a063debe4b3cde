import XCTest

@testable import AccordDomain

/// A person's timeline reads only the events of the entities they were named in; these check that it finds what a
/// scan of every recorded event finds.
final class PersonTimelineIndexTests: XCTestCase {
    private static let people = ["p0", "p1", "p2", "p3", "p4"]

    func testRandomHistoriesGiveTheTimelineAScanGives() {
        var steps = 0
        for seed in UInt64(1)...40 {
            var history = RandomHistory(seed: seed)
            for _ in 0..<150 {
                guard let recorded = history.recordNext() else { break }
                for person in Self.people {
                    let found = history.state.recordedSteps(concerning: person)
                    steps += found.count
                    guard found == scannedSteps(concerning: person, in: history.state) else {
                        XCTFail(
                            "seed \(seed): after \(recorded.event.typeName) at position \(recorded.position) the "
                                + "timeline of \(person) differs from a scan; rerun RandomHistory(seed: \(seed))"
                        )
                        return
                    }
                }
            }
        }
        // The stories must give timelines something to show.
        XCTAssertGreaterThan(steps, 1_000)
    }

    /// The oracle: every recorded event in log order, against the entities any version of any event names the
    /// person in.
    private func scannedSteps(concerning person: String, in state: LedgerState) -> [TimelineEntry] {
        guard let last = state.lastPosition else { return [] }
        let records = (UInt64(1)...last).compactMap { state.recordedEvent(at: $0) }
        var entities: Set<String> = []
        for record in records {
            let event: Event
            if case .eventCorrected(let correction) = record.event {
                event = correction.corrected
            } else {
                event = record.event
            }
            if event.names(person: person) {
                entities.insert(event.entityID)
            }
        }
        return records.compactMap { state.step(of: $0, concerning: person, entities) }
    }
}
