import XCTest

@testable import AccordDomain

final class AgreementReadModelTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    func testTheStandingOfTheMouDependsOnTheDay() {
        XCTAssertEqual(state.agreements(on: day("2026-01-05")).first?.status, .notYetInForce)
        XCTAssertEqual(state.agreements(on: day("2026-01-06")).first?.status, .inForce)
        XCTAssertEqual(state.agreements(on: day("2030-12-31")).first?.status, .inForce)
        XCTAssertEqual(state.agreements(on: day("2031-01-01")).first?.status, .expired)
        XCTAssertNil(state.agreements().first?.status)
        XCTAssertNil(state.agreements().first?.statusOn)
    }

    func testATerminatedAgreementIsTerminatedFromItsTerminationDay() {
        let terminated = AgreementTerminated(
            agreementID: Story.mouID,
            terminatedOn: day("2027-07-01"),
            reason: "Replaced"
        )
        let state = Scenario(checked: Story.firstYear + [.agreementTerminated(terminated)]).state
        XCTAssertEqual(state.agreements(on: day("2027-06-30")).first?.status, .inForce)
        XCTAssertEqual(state.agreements(on: day("2027-07-01")).first?.status, .terminated)
        XCTAssertEqual(state.agreements(on: day("2031-01-01")).first?.status, .terminated)
        XCTAssertEqual(state.agreements(on: day("2027-07-01"), status: .terminated).map(\.agreementID), [Story.mouID])
        XCTAssertEqual(state.agreements(on: day("2027-07-01"), status: .inForce), [])
        XCTAssertEqual(state.agreement(id: Story.mouID)?.terminationReason, "Replaced")
    }

    func testTheSummaryListsPartiesDomainsOnTheDayAndActivity() throws {
        let summary = try XCTUnwrap(state.agreements(on: day("2026-02-01")).first)
        XCTAssertEqual(summary.agreementID, "cnrs-jrc-mou-2026")
        XCTAssertEqual(summary.parties, ["cnrs", "jrc"])
        XCTAssertEqual(summary.domains, ["nuclear", "humanities-social-sciences"])
        XCTAssertEqual(summary.statusOn, day("2026-02-01"))
        XCTAssertEqual(
            summary.activity,
            ActivityCounts(secondments: 1, accessGrants: 1, meetings: 1, projects: 0, expertise: 0),
            "what was done by that day"
        )
        XCTAssertEqual(
            state.agreements().first?.activity,
            ActivityCounts(secondments: 4, accessGrants: 2, meetings: 1, projects: 1, expertise: 1),
            "without a day, everything recorded"
        )
        XCTAssertEqual(
            state.agreements(on: day("2026-03-01")).first?.domains,
            ["nuclear", "humanities-social-sciences", "digital-ai-data-science"]
        )
        XCTAssertEqual(state.agreements().first?.domains.count, 3)
    }

    func testAgreementsFilterByPartyAndDomain() {
        XCTAssertEqual(state.agreements(party: "cnrs").map(\.agreementID), [Story.mouID])
        XCTAssertEqual(state.agreements(party: "cea"), [])
        XCTAssertEqual(state.agreements(on: day("2026-02-28"), domain: "digital-ai-data-science"), [])
        XCTAssertEqual(state.agreements(on: day("2026-03-01"), domain: "digital-ai-data-science").count, 1)
        XCTAssertEqual(state.agreements(domain: "digital-ai-data-science").count, 1)
        XCTAssertEqual(state.agreements(domain: "health"), [])
    }

    func testTheDetailHasTheHistoryAndEveryActivity() throws {
        let detail = try XCTUnwrap(state.agreement(id: Story.mouID, on: day("2026-06-15")))
        XCTAssertEqual(detail.status, .inForce)
        XCTAssertEqual(
            detail.domains,
            [
                AgreementDomainView(domain: "nuclear", openedOn: day("2026-01-06")),
                AgreementDomainView(domain: "humanities-social-sciences", openedOn: day("2026-01-06")),
                AgreementDomainView(domain: "digital-ai-data-science", openedOn: day("2026-03-01")),
            ]
        )
        XCTAssertEqual(detail.secondments.map(\.secondmentID), ["s1", "s2", "s4", "s3"])
        XCTAssertEqual(detail.accessGrants.map(\.grantID), ["g2", "g1"])
        XCTAssertEqual(detail.meetings.map(\.place), ["Brussels"])
        XCTAssertEqual(detail.meetings.first?.topics.count, 4)
        XCTAssertEqual(detail.projects.map(\.projectID), ["energy-models"])
        XCTAssertEqual(detail.expertise.map(\.expertiseID), ["integrity-2026"])
        XCTAssertEqual(detail.position, 12)
        XCTAssertNil(state.agreement(id: "mou-x"))
    }

    func testTheDetailListsOnlyTheDomainsOpenOnTheDayAsked() throws {
        let signing = [
            AgreementDomainView(domain: "nuclear", openedOn: day("2026-01-06")),
            AgreementDomainView(domain: "humanities-social-sciences", openedOn: day("2026-01-06")),
        ]
        let digital = AgreementDomainView(domain: "digital-ai-data-science", openedOn: day("2026-03-01"))
        XCTAssertEqual(state.agreement(id: Story.mouID, on: day("2026-02-28"))?.domains, signing)
        XCTAssertEqual(state.agreement(id: Story.mouID, on: day("2026-03-01"))?.domains, signing + [digital])
        XCTAssertEqual(state.agreement(id: Story.mouID, on: day("2026-01-05"))?.domains, [], "not yet signed")
        XCTAssertEqual(state.agreement(id: Story.mouID)?.domains, signing + [digital], "no day: every domain")
        XCTAssertEqual(state.agreements(on: day("2026-01-05")).first?.domains, [])
    }

    func testExtensionsShowInTheDetailAndMoveTheStanding() {
        let extended = Scenario(
            checked: Story.firstYear + [
                .agreementExtended(AgreementExtended(agreementID: Story.mouID, validUntil: day("2032-12-31")))
            ]
        ).state
        XCTAssertEqual(extended.agreement(id: Story.mouID)?.extensions, [day("2032-12-31")])
        XCTAssertEqual(extended.agreements(on: day("2031-01-01")).first?.status, .inForce)
        XCTAssertEqual(extended.agreements().first?.validUntil, day("2032-12-31"))
    }

    func testMeetingsProjectsAndExpertiseCanBeListed() {
        XCTAssertEqual(state.meetings().map(\.meetingID), ["brussels-2026-01"])
        XCTAssertEqual(state.meetings(agreement: "other"), [])
        XCTAssertEqual(state.projects(agreement: Story.mouID).map(\.kind), [.modellingWork])
        XCTAssertEqual(state.expertise().first?.people, ["alice", "bruno"])
    }
}
