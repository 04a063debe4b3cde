import Foundation
import XCTest

@testable import AccordDomain

/// A start under a snapshot restores the history and the indexes from the log's events (`restore`) and adopts the
/// snapshot's read models (`adopt`): the state must be the one `evolve` made, for the queries and for every command
/// decided after it.
final class RestoreTests: XCTestCase {
    func testRestoringTheEventsAndAdoptingTheReadModelsGivesTheEvolvedState() throws {
        var amendments = 0
        for seed in UInt64(1)...30 {
            var story = RandomHistory(seed: seed)
            for _ in 0..<120 { guard story.recordNext() != nil else { break } }
            let evolved = story.state
            var restored = LedgerState.initial
            for recorded in evolved.history { restored.restore(recorded) }
            let written = try JSONEncoder().encode(evolved.readModels)
            restored.adopt(try JSONDecoder().decode(ReadModels.self, from: written))
            amendments += evolved.correctionPositions.count + evolved.retractionPosition.count
            assertSame(restored, evolved, "seed \(seed), restored")

            // The story goes on from each: the same commands are decided the same way, to the same state.
            var fromRestored = story
            fromRestored.state = restored
            for step in 0..<60 {
                let next = story.recordNext()
                XCTAssertEqual(fromRestored.recordNext(), next, "seed \(seed), step \(step) after the restore")
                if next == nil { break }
            }
            assertSame(fromRestored.state, story.state, "seed \(seed), after 60 more commands")
        }
        // The stories must exercise what the indexes of corrections and retractions hold.
        XCTAssertGreaterThan(amendments, 100)
    }

    private func assertSame(_ left: LedgerState, _ right: LedgerState, _ context: String) {
        XCTAssertEqual(Array(left.history), Array(right.history), context)
        XCTAssertEqual(left.projection, right.projection, context)
        XCTAssertEqual(left.latestCorrectionIndex, right.latestCorrectionIndex, context)
        XCTAssertEqual(left.retractionPosition, right.retractionPosition, context)
        XCTAssertEqual(left.correctionPositions, right.correctionPositions, context)
        XCTAssertEqual(left.amendmentsByEntity, right.amendmentsByEntity, context)
        XCTAssertEqual(left.entityIndex, right.entityIndex, context)
        XCTAssertEqual(left.formerlyNamingEntities, right.formerlyNamingEntities, context)
    }
}
