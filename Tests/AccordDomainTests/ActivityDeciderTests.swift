import XCTest

@testable import AccordDomain

final class ActivityDeciderTests: XCTestCase {
    private let history = Story.foundation
    private let meeting = RecordMeeting(
        meetingID: "brussels-2026-01",
        agreement: Story.mouID,
        heldOn: day("2026-01-20"),
        place: "Brussels",
        units: ["CNRS Humanities & Social Sciences", "JRC"],
        topics: ["ethics", "scientific integrity", "science diplomacy", "science for policy"],
        domain: "humanities-social-sciences"
    )
    private let project = JoinProject(
        projectID: "energy-models",
        agreement: Story.mouID,
        kind: .modellingWork,
        title: "Shared energy system models",
        domain: "digital-ai-data-science",
        joinedOn: day("2026-04-01"),
        plannedEnd: day("2027-03-31")
    )
    private let expertise = RecordExpertise(
        expertiseID: "integrity-2026",
        agreement: Story.mouID,
        deliveredOn: day("2026-05-15"),
        people: ["alice", "bruno"],
        policyArea: "Research integrity in policy advice",
        axis: .anticipation,
        summary: "Guidelines on scientific integrity for science-for-policy work.",
        domain: "humanities-social-sciences"
    )

    func testTheBrusselsMeetingIsRecordedOnTheAgreementStream() {
        let outcome = given(history).when(.recordMeeting(meeting))
        outcome.then([.meetingHeld(Story.brusselsMeeting)])
        XCTAssertEqual(Event.meetingHeld(Story.brusselsMeeting).streamID, "agreement/cnrs-jrc-mou-2026")
    }

    func testAMeetingNeedsAKnownAgreementInForceOnItsDate() {
        var before = meeting
        before.heldOn = day("2026-01-05")
        given(history).when(.recordMeeting(before)).thenRejected(code: "agreement_not_in_force", field: "heldOn")
        var unknown = meeting
        unknown.agreement = "mou-x"
        given(history).when(.recordMeeting(unknown)).thenRejected(code: "unknown_agreement", field: "agreement")
        given(history + [.meetingHeld(Story.brusselsMeeting)]).when(.recordMeeting(meeting))
            .thenRejected(code: "duplicate_id", field: "meetingID")
        var closedDomain = meeting
        closedDomain.domain = "digital-ai-data-science"
        given(history).when(.recordMeeting(closedDomain)).thenRejected(code: "domain_not_in_agreement", field: "domain")
    }

    func testAProjectNeedsTheAgreementInForceAndItsDomainOpen() {
        given(history).when(.joinProject(project)).then([.projectJoined(Story.modellingProject)])
        var early = project
        early.joinedOn = day("2026-02-01")
        given(history).when(.joinProject(early)).thenRejected(code: "domain_not_in_agreement", field: "domain")
        var late = project
        late.joinedOn = day("2031-01-01")
        late.plannedEnd = nil
        given(history).when(.joinProject(late)).thenRejected(code: "agreement_not_in_force", field: "joinedOn")
        given(history + [.projectJoined(Story.modellingProject)]).when(.joinProject(project))
            .thenRejected(code: "duplicate_id", field: "projectID")
    }

    func testAProjectsPlannedEndMustLieWithinTheAgreement() {
        var beyond = project
        beyond.plannedEnd = day("2031-06-30")
        given(history).when(.joinProject(beyond))
            .thenRejected(
                code: "agreement_not_in_force",
                field: "plannedEnd",
                mentioning: ["2030-12-31", "accord agreement extend"]
            )
        let terminated = AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2027-01-01"), reason: "Stop")
        given(history + [.agreementTerminated(terminated)]).when(.joinProject(project))
            .thenRejected(code: "agreement_not_in_force", field: "plannedEnd", mentioning: ["2027-01-01"])
    }

    func testAnAgreementCannotBeTerminatedBeforeAProjectsPlannedEnd() {
        let joined = history + [.projectJoined(Story.modellingProject)]
        let early = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2027-03-31"), reason: "Stop")
        given(joined).when(.terminateAgreement(early))
            .thenRejected(code: "activity_after_termination", mentioning: ["project/energy-models", "2027-03-31"])
        let after = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2027-04-01"), reason: "Stop")
        given(joined).when(.terminateAgreement(after))
            .then([
                .agreementTerminated(
                    AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2027-04-01"), reason: "Stop")
                )
            ])
    }

    func testAProjectEndsOnceAfterItStarted() {
        let joined = history + [.projectJoined(Story.modellingProject)]
        let end = EndProject(projectID: "energy-models", endedOn: day("2027-03-31"), outcome: "Models published")
        given(joined).when(.endProject(end))
            .then([
                .projectEnded(
                    ProjectEnded(projectID: "energy-models", endedOn: day("2027-03-31"), outcome: "Models published")
                )
            ])
        var early = end
        early.endedOn = day("2026-03-31")
        given(joined).when(.endProject(early)).thenRejected(code: "end_before_start", field: "endedOn")
        given(
            joined + [.projectEnded(ProjectEnded(projectID: "energy-models", endedOn: day("2027-01-01"), outcome: "x"))]
        )
        .when(.endProject(end)).thenRejected(code: "project_not_active")
        var unknown = end
        unknown.projectID = "nope"
        given(joined).when(.endProject(unknown)).thenRejected(code: "unknown_project", field: "projectID")
    }

    func testExpertiseNamesRegisteredPeopleOnly() {
        given(history).when(.recordExpertise(expertise)).then([.expertiseDelivered(Story.integrityExpertise)])
        var stranger = expertise
        stranger.people = ["alice", "zoe"]
        given(history).when(.recordExpertise(stranger))
            .thenRejected(code: "unknown_person", field: "people", mentioning: ["\"zoe\""])
        var nobody = expertise
        nobody.people = []
        given(history).when(.recordExpertise(nobody)).thenRejected(code: "empty_field", field: "people")
    }

    func testExpertiseNeedsTheAgreementInForceAndAnOpenDomain() {
        var before = expertise
        before.deliveredOn = day("2025-05-15")
        given(history).when(.recordExpertise(before)).thenRejected(code: "agreement_not_in_force", field: "deliveredOn")
        var closed = expertise
        closed.domain = "health"
        given(history).when(.recordExpertise(closed)).thenRejected(code: "domain_not_in_agreement", field: "domain")
        given(history + [.expertiseDelivered(Story.integrityExpertise)]).when(.recordExpertise(expertise))
            .thenRejected(code: "duplicate_id", field: "expertiseID")
    }
}
