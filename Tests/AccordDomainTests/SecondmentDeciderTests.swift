import XCTest

@testable import AccordDomain

final class SecondmentDeciderTests: XCTestCase {
    private let history = Story.foundation

    func testStartingASecondmentFillsTheHomeInstitutionFromThePerson() {
        given(history).when(.startSecondment(Story.startSecondment("s1"))).then([
            .secondmentStarted(Story.secondment("s1"))
        ])
    }

    func testAGivenHomeInstitutionMustBeThePersons() {
        var command = Story.startSecondment("s1")
        command.homeInstitution = "cnrs"
        given(history).when(.startSecondment(command)).then([.secondmentStarted(Story.secondment("s1"))])
        command.homeInstitution = "cea"
        given(history).when(.startSecondment(command))
            .thenRejected(
                code: "home_institution_mismatch",
                field: "homeInstitution",
                mentioning: ["\"alice\"", "\"cnrs\""]
            )
    }

    func testASecondmentIdIsUnique() {
        given(history + [.secondmentStarted(Story.secondment("s1"))])
            .when(.startSecondment(Story.startSecondment("s1", person: "bruno")))
            .thenRejected(code: "duplicate_id", field: "secondmentID")
    }

    func testUnknownIdsAreNamed() {
        given(history).when(.startSecondment(Story.startSecondment("s1", person: "zoe")))
            .thenRejected(code: "unknown_person", field: "person", kind: .notFound, mentioning: ["\"zoe\""])
        given(history).when(.startSecondment(Story.startSecondment("s1", site: "frascati")))
            .thenRejected(code: "unknown_site", field: "hostSite", mentioning: ["\"frascati\""])
        var unknownAgreement = Story.startSecondment("s1")
        unknownAgreement.agreement = "mou-x"
        given(history).when(.startSecondment(unknownAgreement))
            .thenRejected(
                code: "unknown_agreement",
                field: "agreement",
                mentioning: ["\"mou-x\"", "accord agreement sign"]
            )
        var unknownHost = Story.startSecondment("s1")
        unknownHost.hostInstitution = "esa"
        given(history).when(.startSecondment(unknownHost))
            .thenRejected(code: "unknown_institution", field: "hostInstitution")
    }

    func testTheHostSiteMustBelongToTheHostInstitution() {
        given(history).when(.startSecondment(Story.startSecondment("s1", site: "saclay")))
            .thenRejected(code: "site_not_of_host", field: "hostSite", mentioning: ["\"saclay\"", "\"cea\""])
    }

    func testTheHostIsAnotherInstitution() {
        var command = Story.startSecondment("s1", site: "paris")
        command.hostInstitution = "cnrs"
        given(history).when(.startSecondment(command)).thenRejected(code: "host_is_home", field: "hostInstitution")
    }

    func testHomeAndHostMustBePartiesToTheAgreement() {
        given(history).when(.startSecondment(Story.startSecondment("s1", person: "dora")))
            .thenRejected(code: "party_not_in_agreement", field: "homeInstitution", mentioning: ["\"cea\""])
        var toCea = Story.startSecondment("s1", site: "saclay")
        toCea.hostInstitution = "cea"
        given(history).when(.startSecondment(toCea))
            .thenRejected(code: "party_not_in_agreement", field: "hostInstitution")
    }

    func testTheAgreementMustBeInForceOverTheWholeRange() {
        given(history).when(.startSecondment(Story.startSecondment("s1", from: "2026-01-05", to: "2026-03-01")))
            .thenRejected(code: "agreement_not_in_force", field: "startedOn", mentioning: ["2026-01-06"])
        given(history).when(.startSecondment(Story.startSecondment("s1", from: "2030-06-01", to: "2031-01-01")))
            .thenRejected(code: "agreement_not_in_force", field: "plannedEnd", mentioning: ["2030-12-31"])
        given(history).when(.startSecondment(Story.startSecondment("s1", from: "2026-01-06", to: "2030-12-31")))
            .then([.secondmentStarted(Story.secondment("s1", from: "2026-01-06", to: "2030-12-31"))])
        let terminated = AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2027-01-01"), reason: "Ended")
        given(history + [.agreementTerminated(terminated)])
            .when(.startSecondment(Story.startSecondment("s1", from: "2026-06-01", to: "2027-01-01")))
            .thenRejected(code: "agreement_not_in_force", field: "plannedEnd", mentioning: ["terminated"])
        given(history + [.agreementTerminated(terminated)])
            .when(.startSecondment(Story.startSecondment("s1", from: "2026-06-01", to: "2026-12-31")))
            .then([.secondmentStarted(Story.secondment("s1", from: "2026-06-01", to: "2026-12-31"))])
    }

    func testTheEndIsNotBeforeTheStart() {
        given(history).when(.startSecondment(Story.startSecondment("s1", from: "2026-05-01", to: "2026-04-30")))
            .thenRejected(code: "end_before_start", field: "plannedEnd")
        given(history).when(.startSecondment(Story.startSecondment("s1", from: "2026-05-01", to: "2026-05-01")))
            .then([.secondmentStarted(Story.secondment("s1", from: "2026-05-01", to: "2026-05-01"))])
    }

    func testTheDomainMustBeOpenUnderTheAgreementOnTheStartDate() {
        let digital = Story.startSecondment(
            "s1",
            domain: "digital-ai-data-science",
            from: "2026-02-01",
            to: "2026-04-30"
        )
        given(history).when(.startSecondment(digital))
            .thenRejected(code: "domain_not_in_agreement", field: "domain", mentioning: ["accord agreement add-domain"])
        let later = Story.startSecondment("s1", domain: "digital-ai-data-science", from: "2026-03-01", to: "2026-04-30")
        given(history).when(.startSecondment(later))
            .then([
                .secondmentStarted(
                    Story.secondment("s1", domain: "digital-ai-data-science", from: "2026-03-01", to: "2026-04-30")
                )
            ])
        given(history).when(.startSecondment(Story.startSecondment("s1", domain: "health")))
            .thenRejected(code: "domain_not_in_agreement", field: "domain")
    }

    func testAPersonCannotBeSecondedTwiceOverOverlappingDates() {
        let first = history + [.secondmentStarted(Story.secondment("s1", from: "2026-02-01", to: "2026-07-31"))]
        given(first).when(
            .startSecondment(Story.startSecondment("s2", site: "geel", from: "2026-07-31", to: "2026-09-30"))
        )
        .thenRejected(code: "overlapping_secondment", field: "startedOn", mentioning: ["\"s1\"", "2026-07-31"])
        given(first).when(
            .startSecondment(Story.startSecondment("s2", site: "geel", from: "2026-01-10", to: "2026-12-31"))
        )
        .thenRejected(code: "overlapping_secondment")
        given(first).when(
            .startSecondment(Story.startSecondment("s2", site: "geel", from: "2026-08-01", to: "2026-09-30"))
        )
        .then([.secondmentStarted(Story.secondment("s2", site: "geel", from: "2026-08-01", to: "2026-09-30"))])
        given(first).when(.startSecondment(Story.startSecondment("s2", person: "bruno")))
            .then([.secondmentStarted(Story.secondment("s2", person: "bruno"))])
    }

    func testOverlapConsidersExtensionsAndActualEnds() {
        let extended =
            history + [
                .secondmentStarted(Story.secondment("s1", from: "2026-02-01", to: "2026-07-31")),
                .secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-10-31"))),
            ]
        given(extended).when(.startSecondment(Story.startSecondment("s2", from: "2026-09-01", to: "2026-09-30")))
            .thenRejected(code: "overlapping_secondment", mentioning: ["2026-10-31"])
        let endedEarly =
            extended + [
                .secondmentEnded(SecondmentEnded(secondmentID: "s1", endedOn: day("2026-05-31"), outcome: "Done"))
            ]
        given(endedEarly).when(.startSecondment(Story.startSecondment("s2", from: "2026-06-01", to: "2026-09-30")))
            .then([.secondmentStarted(Story.secondment("s2", from: "2026-06-01", to: "2026-09-30"))])
    }

    func testAnExtensionMovesThePlannedEndStrictlyLater() {
        let started = history + [.secondmentStarted(Story.secondment("s1"))]
        given(started).when(.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-12-31"))))
            .then([.secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-12-31")))])
        given(started).when(.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-07-31"))))
            .thenRejected(code: "extension_not_later", field: "plannedEnd")
        given(started).when(.extendSecondment(ExtendSecondment(secondmentID: "s9", plannedEnd: day("2026-12-31"))))
            .thenRejected(code: "unknown_secondment", field: "secondmentID", mentioning: ["\"s9\""])
    }

    func testAnExtensionStaysWithinTheAgreementAndAvoidsOtherSecondments() {
        let started =
            history + [
                .secondmentStarted(Story.secondment("s1")),
                .secondmentStarted(Story.secondment("s2", site: "geel", from: "2026-09-01", to: "2026-12-31")),
            ]
        given(started).when(.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-09-01"))))
            .thenRejected(code: "overlapping_secondment", field: "plannedEnd", mentioning: ["\"s2\""])
        given(started).when(.extendSecondment(ExtendSecondment(secondmentID: "s2", plannedEnd: day("2031-06-30"))))
            .thenRejected(code: "agreement_not_in_force", field: "plannedEnd")
    }

    func testOnlyAnActiveSecondmentCanBeExtendedOrEnded() {
        let ended =
            history + [
                .secondmentStarted(Story.secondment("s1")),
                .secondmentEnded(
                    SecondmentEnded(secondmentID: "s1", endedOn: day("2026-06-30"), outcome: "Report delivered")
                ),
            ]
        given(ended).when(.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-12-31"))))
            .thenRejected(code: "secondment_not_active", mentioning: ["2026-06-30"])
        given(ended).when(
            .endSecondment(EndSecondment(secondmentID: "s1", endedOn: day("2026-07-31"), outcome: "Again"))
        )
        .thenRejected(code: "secondment_not_active")
    }

    func testASecondmentEndsBetweenItsStartAndItsPlannedEnd() {
        let started = history + [.secondmentStarted(Story.secondment("s1"))]
        let end = EndSecondment(secondmentID: "s1", endedOn: day("2026-02-01"), outcome: "Recalled")
        given(started).when(.endSecondment(end))
            .then([
                .secondmentEnded(SecondmentEnded(secondmentID: "s1", endedOn: day("2026-02-01"), outcome: "Recalled"))
            ])
        var early = end
        early.endedOn = day("2026-01-31")
        given(started).when(.endSecondment(early)).thenRejected(code: "end_before_start", field: "endedOn")
        var late = end
        late.endedOn = day("2026-08-01")
        given(started).when(.endSecondment(late))
            .thenRejected(code: "end_after_planned_end", field: "endedOn", mentioning: ["accord secondment extend"])
    }
}
