import XCTest

@testable import AccordDomain

final class AccessReadModelTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    private func ids(_ filter: AccessGrantFilter) -> [String] {
        state.accessGrants(filter: filter).map(\.grantID)
    }

    func testWhichGrantsAreValidOnADay() {
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-01-31"))), [])
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-04-30"))), ["g2", "g1"])
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-05-01"))), ["g2"], "a revocation takes effect on its day")
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-12-31"))), ["g2"])
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2027-01-01"))), [], "a grant expires after its last day")
    }

    func testWhichGrantsExpireSoon() {
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-12-01"), expiringWithinDays: 30)), ["g2"])
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-12-01"), expiringWithinDays: 29)), [])
        XCTAssertEqual(ids(AccessGrantFilter(on: day("2026-04-15"), expiringWithinDays: 16)), ["g1"])
        XCTAssertEqual(
            ids(AccessGrantFilter(expiringWithinDays: 400)),
            [],
            "without a day there is nothing to count from"
        )
        XCTAssertEqual(state.accessGrants(filter: AccessGrantFilter(on: day("2026-12-01"))).first?.daysLeft, 30)
    }

    func testFiltersBySiteFacilityAgreementAndGrantee() {
        XCTAssertEqual(ids(AccessGrantFilter(site: "geel")), ["g1"])
        XCTAssertEqual(ids(AccessGrantFilter(facility: "policy-lab")), ["g2"])
        XCTAssertEqual(ids(AccessGrantFilter(agreement: Story.mouID)), ["g2", "g1"])
        XCTAssertEqual(ids(AccessGrantFilter(grantee: "ethics-team")), ["g2"])
        XCTAssertEqual(ids(AccessGrantFilter(site: "ispra")), [])
    }

    func testAGrantViewShowsItsRevocation() throws {
        let g1 = try XCTUnwrap(state.accessGrant(id: "g1"))
        XCTAssertEqual(g1.status, .revoked)
        XCTAssertEqual(g1.revokedOn, day("2026-05-01"))
        XCTAssertEqual(g1.revocationReason, "Campaign finished early")
        XCTAssertEqual(g1.lastValidDay, day("2026-04-30"))
        XCTAssertEqual(g1.siteInstitution, "jrc")
        XCTAssertNil(g1.daysLeft)
        XCTAssertEqual(state.accessGrant(id: "g1", on: day("2026-04-20"))?.daysLeft, 10)
        XCTAssertNil(state.accessGrant(id: "g1", on: day("2026-06-01"))?.daysLeft)
        XCTAssertEqual(state.accessGrant(id: "g2")?.status, .granted)
        XCTAssertNil(state.accessGrant(id: "g9"))
    }

    func testACorrectedRevocationMovesTheValidity() {
        let later = Event.infrastructureAccessRevoked(
            InfrastructureAccessRevoked(grantID: "g1", revokedOn: day("2026-06-01"), reason: "Campaign finished early")
        )
        let scenario = Scenario(checked: Story.firstYear)
            .after(.correctEvent(CorrectEvent(position: 26, corrected: later, reason: "Date was wrong")))
        XCTAssertEqual(
            scenario.state.accessGrants(filter: AccessGrantFilter(on: day("2026-05-15"))).map(\.grantID),
            ["g2", "g1"]
        )
    }
}
