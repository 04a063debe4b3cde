import XCTest

@testable import AccordDomain

final class PlaceAndPersonReadModelTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    func testInstitutionsListTheirSitesAndAgreements() {
        let institutions = state.institutions()
        XCTAssertEqual(institutions.map(\.institutionID), ["cea", "cnrs", "jrc"])
        XCTAssertEqual(institutions[2].sites, ["brussels", "geel", "ispra", "karlsruhe", "petten", "seville"])
        XCTAssertEqual(institutions[2].country, "EU")
        XCTAssertEqual(institutions[1].agreements, [Story.mouID])
        for institution in institutions {
            XCTAssertEqual(state.institution(id: institution.institutionID), institution, "one is found as listed")
        }
        XCTAssertNil(state.institution(id: "no-such-institution"))
        XCTAssertEqual(institutions[0].agreements, [])
    }

    func testSitesOfAnInstitution() {
        XCTAssertEqual(state.sites(institution: "jrc").map(\.country), ["BE", "BE", "IT", "DE", "NL", "ES"])
        XCTAssertEqual(state.sites().count, 8)
        XCTAssertEqual(state.sites(institution: "cea").map(\.siteID), ["saclay"])
    }

    func testASitesHistoryIsInDateOrder() throws {
        let geel = try XCTUnwrap(state.site(id: "geel"))
        XCTAssertEqual(geel.site.facilities, ["neutron-time-of-flight", "reference-materials"])
        XCTAssertEqual(geel.secondments.map(\.secondmentID), ["s2"])
        XCTAssertEqual(geel.accessGrants.map(\.grantID), ["g1"])
        XCTAssertEqual(
            geel.timeline.map { "\($0.date) \($0.event) \($0.subject)" },
            [
                "2026-03-01 InfrastructureAccessGranted grant/g1",
                "2026-03-01 SecondmentStarted secondment/s2",
                "2026-04-30 SecondmentEnded secondment/s2",
                "2026-05-01 InfrastructureAccessRevoked grant/g1",
            ]
        )
        XCTAssertNil(state.site(id: "frascati"))
    }

    func testPeopleCarryNoNames() {
        let people = state.people()
        XCTAssertEqual(people.map(\.personID), ["alice", "bruno", "clara", "dora"])
        XCTAssertEqual(people.first?.unit, "UMR 8097 Centre Maurice Halbwachs")
        XCTAssertNil(people.first?.personalDataReference)
    }

    func testAPersonsWholeHistory() throws {
        let alice = try XCTUnwrap(state.personHistory(id: "alice"))
        XCTAssertEqual(alice.person.homeInstitution, "cnrs")
        XCTAssertEqual(alice.secondments.map(\.secondmentID), ["s1", "s3"])
        XCTAssertEqual(alice.accessGrants.map(\.grantID), ["g1"])
        XCTAssertEqual(alice.expertise.map(\.expertiseID), ["integrity-2026"])
        XCTAssertEqual(
            alice.timeline.map { "\($0.date) \($0.event)" },
            [
                "2026-01-06 SecondmentExtended",
                "2026-02-01 SecondmentStarted",
                "2026-03-01 InfrastructureAccessGranted",
                "2026-05-01 InfrastructureAccessRevoked",
                "2026-05-15 ExpertiseDelivered",
                "2026-09-01 SecondmentStarted",
            ]
        )
        XCTAssertEqual(
            alice.timeline.dropFirst().first?.summary,
            "alice (cnrs) seconded to ispra (jrc) as detachment in nuclear, planned until 2026-07-31"
        )
        XCTAssertEqual(state.personHistory(id: "clara")?.secondments.map(\.hostSite), ["paris"])
        XCTAssertNil(state.personHistory(id: "zoe"))
    }
}
