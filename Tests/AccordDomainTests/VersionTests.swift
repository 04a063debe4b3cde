import XCTest

@testable import AccordDomain

final class VersionTests: XCTestCase {
    func testStreamVersionsCountTheEventsOfEachStream() {
        let state = given(Story.foundation + [.meetingHeld(Story.brusselsMeeting)]).state
        XCTAssertEqual(state.streamVersion("agreement/cnrs-jrc-mou-2026"), 3)
        XCTAssertEqual(state.streamVersion("institution/cnrs"), 1)
        XCTAssertEqual(state.streamVersion("secondment/s1"), 0)
    }

    func testTheExpectedVersionOfTheAgreementStreamIsChecked() {
        let scenario = given(Story.foundation)
        let extend = Command.extendAgreement(ExtendAgreement(agreementID: Story.mouID, validUntil: day("2032-12-31")))
        XCTAssertEqual(scenario.state.streamID(of: extend), "agreement/cnrs-jrc-mou-2026")
        scenario.when(extend, expectedVersion: 2).result.assertSuccess()
        scenario.when(extend, expectedVersion: 1)
            .thenRejected(
                code: "version_conflict",
                kind: .conflict,
                mentioning: ["agreement/cnrs-jrc-mou-2026", "version 2", "expected 1"]
            )
    }

    func testExpectingVersionZeroMeansTheStreamIsNew() {
        let scenario = given(Story.foundation)
        scenario.when(.startSecondment(Story.startSecondment("s1")), expectedVersion: 0).result.assertSuccess()
        given(Story.foundation + [.secondmentStarted(Story.secondment("s1"))])
            .when(
                .extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-12-31"))),
                expectedVersion: 0
            )
            .thenRejected(code: "version_conflict")
    }

    func testCorrectionsCountOnTheStreamOfTheirTarget() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        let scenario = given(Story.foundation + [.secondmentStarted(Story.secondment("s1"))])
            .after(.correctEvent(CorrectEvent(position: 18, corrected: corrected, reason: "Geel")))
        XCTAssertEqual(scenario.state.streamVersion("secondment/s1"), 2)
        let retract = Command.retractEvent(RetractEvent(position: 18, reason: "Void"))
        XCTAssertEqual(scenario.state.streamID(of: retract), "secondment/s1")
        scenario.when(retract, expectedVersion: 1).thenRejected(code: "version_conflict")
        scenario.when(retract, expectedVersion: 2).result.assertSuccess()
    }

    func testMeetingsAndExpertiseExpectTheAgreementVersion() {
        let meeting = RecordMeeting(
            meetingID: "m",
            agreement: Story.mouID,
            heldOn: day("2026-02-01"),
            place: "Ispra",
            units: [],
            topics: []
        )
        XCTAssertEqual(
            given(Story.foundation).state.streamID(of: .recordMeeting(meeting)),
            "agreement/cnrs-jrc-mou-2026"
        )
    }

    func testFieldErrorsComeBeforeVersionConflicts() {
        given([]).when(
            .registerInstitution(RegisterInstitution(institutionID: "BAD", name: "x", country: "FR", kind: .other)),
            expectedVersion: 5
        )
        .thenRejected(code: "invalid_id")
    }
}
