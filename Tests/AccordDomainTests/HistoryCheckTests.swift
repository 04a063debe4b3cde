import XCTest

@testable import AccordDomain

/// A correction's or retraction's history replay made ahead on an earlier version of the state, as the engine makes
/// it outside its lock, must decide exactly as a replay made on the state it is decided on.
final class HistoryCheckTests: XCTestCase {
    /// Positions as in `CorrectionDeciderTests`: the MoU at 12, its domain at 13, alice at 14, s1 at 18.
    private let history = Story.foundation + [.secondmentStarted(Story.secondment("s1"))]
    private let secondmentPosition: UInt64 = 18

    func testACheckMadeEarlierIsTakenUpOverTheEventsRecordedSince() {
        let earlier = given(history)
        let command = Command.correctEvent(
            CorrectEvent(
                position: secondmentPosition,
                corrected: .secondmentStarted(Story.secondment("s1", site: "geel")),
                reason: "Hosted at Geel"
            )
        )
        let check = earlier.state.historyCheck(for: command)
        XCTAssertNotNil(check)
        let later = given(history + [.secondmentStarted(Story.secondment("s2", person: "bruno"))])
        XCTAssertEqual(
            later.when(command, historyCheck: check).result,
            later.when(command).result
        )
        later.when(command, historyCheck: check).then([
            .eventCorrected(
                EventCorrected(
                    position: secondmentPosition,
                    corrected: .secondmentStarted(Story.secondment("s1", site: "geel")),
                    reason: "Hosted at Geel"
                )
            )
        ])
    }

    /// The check made ahead is what decides while no amendment was recorded since: one whose outcome was set by
    /// hand to a refusal refuses, and is set aside once an amendment is recorded after it.
    func testTheCheckMadeAheadDecidesUntilAnAmendmentIsRecordedSince() throws {
        let retraction = Command.retractEvent(RetractEvent(position: secondmentPosition, reason: "never happened"))
        let made = try XCTUnwrap(given(history).state.historyCheck(for: retraction))
        let refusal = Rejection.unknownPosition(99, lastPosition: 18)
        let forced = HistoryCheck(
            position: made.position,
            replacement: made.replacement,
            lastReplayed: made.lastReplayed,
            outcome: .broken(refusal)
        )
        let later = given(history + [.secondmentStarted(Story.secondment("s2", person: "bruno"))])
        XCTAssertEqual(later.when(retraction, historyCheck: forced).result, .failure(refusal))
        guard case .success = later.when(retraction).result else { return XCTFail("the retraction was refused") }
        let amended = later.after(.retractEvent(RetractEvent(position: 19, reason: "never happened")))
        guard case .success = amended.when(retraction, historyCheck: forced).result else {
            return XCTFail("a check made before an amendment was taken up after it")
        }
    }

    func testAnEventRecordedSinceThatTheAmendmentBreaksIsFound() {
        let retraction = Command.retractEvent(RetractEvent(position: secondmentPosition, reason: "never happened"))
        let check = given(history).state.historyCheck(for: retraction)
        let extended = Event.secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-09-30")))
        given(history + [extended]).when(retraction, historyCheck: check)
            .thenRejected(code: "history_broken", mentioning: ["19", "SecondmentExtended"])
    }

    func testACorrectionOrRetractionRecordedSinceSetsTheEarlierCheckAside() {
        // Retracting the MoU breaks its domain (13) and s1 (18) under it, until both are retracted first.
        let retraction = Command.retractEvent(RetractEvent(position: 12, reason: "never signed"))
        let check = given(history).state.historyCheck(for: retraction)
        given(history).when(retraction, historyCheck: check).thenRejected(code: "history_broken")
        let cleared = given(history)
            .after(.retractEvent(RetractEvent(position: secondmentPosition, reason: "never happened")))
            .after(.retractEvent(RetractEvent(position: 13, reason: "never added")))
        guard case .success(let events) = cleared.when(retraction, historyCheck: check).result else {
            return XCTFail("the retraction was refused on a check made before the retractions that clear its way")
        }
        XCTAssertEqual(events.map(\.typeName), ["EventRetracted"])
    }

    func testACheckMadeForAnotherCommandOrStateIsNotTakenUp() {
        let retraction = Command.retractEvent(RetractEvent(position: 12, reason: "never signed"))
        let check = given(history).state.historyCheck(for: retraction)
        // Another position: its own replay decides.
        let other = Command.retractEvent(RetractEvent(position: 17, reason: "never came"))
        given(history).when(other, historyCheck: check).then([
            .eventRetracted(EventRetracted(position: 17, stream: "person/dora", reason: "never came"))
        ])
        // A state that is not a later version of the checked one (another event at the check's last position).
        let diverged = given(Story.foundation + [.secondmentStarted(Story.secondment("s9"))])
        XCTAssertEqual(diverged.when(retraction, historyCheck: check).result, diverged.when(retraction).result)
        let extending = Command.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-09-30")))
        XCTAssertNil(given(history).state.historyCheck(for: extending))
    }

    func testRandomHistoriesDecideAsAReplayOnTheStateItself() {
        var madeAhead = 0
        var accepted = 0
        var refused = 0
        for seed in UInt64(1)...40 {
            var story = RandomHistory(seed: seed)
            for _ in 0..<60 { _ = story.recordNext() }
            for round in 0..<8 {
                var drawer = story
                let command = drawer.amendmentCommand()
                let check = story.state.historyCheck(for: command)
                var later = story
                for _ in 0..<(round * 3) { _ = later.recordNext() }
                let scenario = Scenario(state: later.state)
                let resumed = scenario.when(command, historyCheck: check).result
                let replayed = scenario.when(command).result
                guard resumed == replayed else {
                    return XCTFail(
                        "seed \(seed), round \(round): \(command.commandName) decided on a check made at position "
                            + "\(story.state.lastPosition ?? 0) differs from a replay at \(later.state.lastPosition ?? 0); "
                            + "rerun RandomHistory(seed: \(seed)) to see the story: \(resumed) against \(replayed)"
                    )
                }
                if check != nil { madeAhead += 1 }
                if case .success = replayed { accepted += 1 } else { refused += 1 }
                story = drawer
                _ = story.recordNext()
            }
        }
        // The stories must exercise both outcomes, on checks made ahead.
        XCTAssertGreaterThan(madeAhead, 150)
        XCTAssertGreaterThan(accepted, 40)
        XCTAssertGreaterThan(refused, 40)
    }
}
