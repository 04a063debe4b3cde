import XCTest

@testable import AccordDomain

final class CorrectionDeciderTests: XCTestCase {
    /// Positions: the foundation is 1…17 (3 institutions, 8 sites, the MoU at 12, its domain at 13, 4 people at
    /// 14…17); s1 starts at 18.
    private let history = Story.foundation + [.secondmentStarted(Story.secondment("s1"))]
    private let secondmentPosition: UInt64 = 18

    func testTheStoryHasTheDocumentedPositions() {
        let state = given(history).state
        XCTAssertEqual(state.recordedEvent(at: secondmentPosition)?.event.typeName, "SecondmentStarted")
        XCTAssertEqual(state.recordedEvent(at: 12)?.event.typeName, "AgreementSigned")
        XCTAssertEqual(state.eventCount, 18)
    }

    func testACorrectionOfTheSameEntityIsAcceptedOnItsStream() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        let command = CorrectEvent(
            position: secondmentPosition,
            corrected: corrected,
            reason: "Hosted at Geel, not Ispra"
        )
        given(history).when(.correctEvent(command))
            .then([
                .eventCorrected(
                    EventCorrected(
                        position: secondmentPosition,
                        corrected: corrected,
                        reason: "Hosted at Geel, not Ispra"
                    )
                )
            ])
        XCTAssertEqual(given(history).state.streamID(of: .correctEvent(command)), "secondment/s1")
    }

    func testACorrectionKeepsTheTypeAndTheEntity() {
        let otherType = Event.secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-12-31")))
        given(history).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: otherType, reason: "x"))
        )
        .thenRejected(code: "correction_type_mismatch", field: "corrected")
        let otherEntity = Event.secondmentStarted(Story.secondment("s2"))
        given(history).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: otherEntity, reason: "x"))
        )
        .thenRejected(code: "correction_entity_mismatch", mentioning: ["secondment/s1", "secondment/s2"])
    }

    func testACorrectionMustChangeSomething() {
        let same = Event.secondmentStarted(Story.secondment("s1"))
        given(history).when(.correctEvent(CorrectEvent(position: secondmentPosition, corrected: same, reason: "x")))
            .thenRejected(code: "correction_changes_nothing")
    }

    func testTheCorrectedFactsMustPassTheRules() {
        let outsideAgreement = Event.secondmentStarted(Story.secondment("s1", from: "2025-12-01"))
        given(history).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: outsideAgreement, reason: "x"))
        )
        .thenRejected(code: "agreement_not_in_force", field: "startedOn")
        let malformed = Event.secondmentStarted(Story.secondment("s1", site: "Ispra!"))
        given(history).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: malformed, reason: "x"))
        )
        .thenRejected(code: "invalid_id", field: "hostSite")
    }

    func testUnknownPositionsAreRefused() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        given(history).when(.correctEvent(CorrectEvent(position: 99, corrected: corrected, reason: "x")))
            .thenRejected(code: "unknown_position", field: "position", kind: .notFound, mentioning: ["99", "18"])
        given(history).when(.retractEvent(RetractEvent(position: 99, reason: "x")))
            .thenRejected(code: "unknown_position", kind: .notFound)
    }

    func testACorrectionOrRetractionCannotItselfBeCorrectedOrRetracted() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        let correction = EventCorrected(position: secondmentPosition, corrected: corrected, reason: "Geel")
        let afterCorrection = history + [.eventCorrected(correction)]
        given(afterCorrection).when(
            .correctEvent(CorrectEvent(position: 19, corrected: .eventCorrected(correction), reason: "x"))
        )
        .thenRejected(code: "correction_of_correction")
        given(afterCorrection).when(.retractEvent(RetractEvent(position: 19, reason: "x")))
            .thenRejected(code: "correction_of_correction")
    }

    func testAnEventCanBeCorrectedAgainAndTheLatestCorrectionCounts() {
        let geel = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        let petten = Event.secondmentStarted(Story.secondment("s1", site: "petten"))
        let afterCorrection =
            history + [.eventCorrected(EventCorrected(position: secondmentPosition, corrected: geel, reason: "Geel"))]
        given(afterCorrection).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: geel, reason: "x"))
        )
        .thenRejected(code: "correction_changes_nothing")
        let scenario = given(afterCorrection)
            .after(.correctEvent(CorrectEvent(position: secondmentPosition, corrected: petten, reason: "Petten")))
        XCTAssertEqual(scenario.state.secondment(id: "s1")?.hostSite, "petten")
        XCTAssertEqual(scenario.state.effectiveEvent(at: secondmentPosition), petten)
        XCTAssertEqual(scenario.state.latestCorrection(of: secondmentPosition)?.position, 20)
    }

    func testARetractedEventCannotBeRetractedOrCorrectedAgain() {
        let retracted =
            history + [
                .eventRetracted(
                    EventRetracted(position: secondmentPosition, stream: "secondment/s1", reason: "Never happened")
                )
            ]
        given(retracted).when(.retractEvent(RetractEvent(position: secondmentPosition, reason: "again")))
            .thenRejected(code: "already_retracted", mentioning: ["19"])
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        given(retracted).when(
            .correctEvent(CorrectEvent(position: secondmentPosition, corrected: corrected, reason: "x"))
        )
        .thenRejected(code: "already_retracted")
    }

    func testARetractionIsRecordedOnTheTargetsStream() {
        given(history).when(.retractEvent(RetractEvent(position: secondmentPosition, reason: "Never happened")))
            .then([
                .eventRetracted(
                    EventRetracted(position: secondmentPosition, stream: "secondment/s1", reason: "Never happened")
                )
            ])
    }

    func testARetractionMayNotLeaveLaterEventsBroken() {
        given(history).when(.retractEvent(RetractEvent(position: 12, reason: "Signed by mistake")))
            .thenRejected(
                code: "history_broken",
                mentioning: ["position 13", "unknown_agreement", "correct or retract position 13 first"]
            )
    }

    func testACorrectionMayNotLeaveLaterEventsBroken() {
        let withLaterSecondment =
            history + [.secondmentStarted(Story.secondment("s2", site: "geel", from: "2026-08-01", to: "2026-09-30"))]
        let longer = Event.secondmentStarted(Story.secondment("s1", to: "2026-08-15"))
        let outcome = given(withLaterSecondment)
            .when(.correctEvent(CorrectEvent(position: secondmentPosition, corrected: longer, reason: "Longer")))
        let rejection = outcome.thenRejected(
            code: "history_broken",
            mentioning: ["overlapping_secondment", "position 19"]
        )
        XCTAssertEqual(rejection?.id, "position/19")
    }

    func testCorrectingTheSigningMustKeepEveryActivityValid() {
        var narrower = Story.mouSigned
        narrower.parties = ["cnrs", "jrc", "cea"]
        given(history).when(
            .correctEvent(CorrectEvent(position: 12, corrected: .agreementSigned(narrower), reason: "CEA signed too"))
        )
        .then([
            .eventCorrected(
                EventCorrected(position: 12, corrected: .agreementSigned(narrower), reason: "CEA signed too")
            )
        ])
        var later = Story.mouSigned
        later.signedOn = day("2026-03-01")
        given(history).when(
            .correctEvent(CorrectEvent(position: 12, corrected: .agreementSigned(later), reason: "Date"))
        )
        .thenRejected(code: "history_broken")
    }

    func testAMeetingCorrectionCannotMoveItToAnotherAgreement() {
        var otherAgreement = Story.mouSigned
        otherAgreement.agreementID = "framework-2026"
        var moved = Story.brusselsMeeting
        moved.agreement = "framework-2026"
        let scenario = given(history + [.agreementSigned(otherAgreement), .meetingHeld(Story.brusselsMeeting)])
        scenario.when(.correctEvent(CorrectEvent(position: 20, corrected: .meetingHeld(moved), reason: "x")))
            .thenRejected(code: "correction_entity_mismatch")
        var renamed = Story.brusselsMeeting
        renamed.place = "Brussels, Berlaymont"
        scenario.when(.correctEvent(CorrectEvent(position: 20, corrected: .meetingHeld(renamed), reason: "Room")))
            .then([.eventCorrected(EventCorrected(position: 20, corrected: .meetingHeld(renamed), reason: "Room"))])
    }
}
