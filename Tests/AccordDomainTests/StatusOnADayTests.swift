import XCTest

@testable import AccordDomain

/// Given the first year; when a query names a day; then grants and secondments show their standing on that day.
final class StatusOnADayTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    func testAGrantsStatusFollowsTheDayAsked() {
        let g1 = { (text: String) in self.state.accessGrant(id: "g1", on: day(text))?.status }
        XCTAssertEqual(g1("2026-02-28"), .notYetValid)
        XCTAssertEqual(g1("2026-03-01"), .valid)
        XCTAssertEqual(g1("2026-04-30"), .valid)
        XCTAssertEqual(g1("2026-05-01"), .revoked, "a revocation takes effect on its day")
        XCTAssertEqual(g1("2026-09-01"), .revoked)
        XCTAssertEqual(state.accessGrant(id: "g2", on: day("2026-12-31"))?.status, .valid)
        XCTAssertEqual(state.accessGrant(id: "g2", on: day("2027-01-01"))?.status, .expired)
        XCTAssertEqual(state.accessGrant(id: "g2", on: day("2027-01-01"))?.statusOn, day("2027-01-01"))
    }

    func testWithoutADayAGrantShowsWhatTheLogSays() {
        XCTAssertEqual(state.accessGrant(id: "g1")?.status, .revoked)
        XCTAssertEqual(state.accessGrant(id: "g2")?.status, .granted)
        XCTAssertNil(state.accessGrant(id: "g2")?.statusOn)
    }

    func testListedGrantsAreJudgedOnTheFiltersDay() {
        let listed = state.accessGrants(filter: AccessGrantFilter(on: day("2026-04-01")))
        XCTAssertEqual(listed.map(\.status), [.valid, .valid])
        XCTAssertEqual(listed.map(\.statusOn), [day("2026-04-01"), day("2026-04-01")])
    }

    func testASecondmentsStatusFollowsTheDayAsked() {
        let s1 = { (text: String) in self.state.secondment(id: "s1", on: day(text))?.status }
        XCTAssertEqual(s1("2026-01-31"), .planned)
        XCTAssertEqual(s1("2026-02-01"), .active)
        XCTAssertEqual(s1("2026-07-31"), .active)
        XCTAssertEqual(s1("2026-08-01"), .overdue, "the planned end passed and no end was recorded")
        XCTAssertEqual(state.secondment(id: "s2", on: day("2026-04-30"))?.status, .active)
        XCTAssertEqual(state.secondment(id: "s2", on: day("2026-05-01"))?.status, .ended)
        XCTAssertEqual(state.secondment(id: "s3", on: day("2027-03-01"))?.status, .active, "extended")
        XCTAssertEqual(state.secondment(id: "s1", on: day("2026-08-01"))?.statusOn, day("2026-08-01"))
    }

    func testWithoutADayASecondmentShowsWhatTheLogSays() {
        XCTAssertEqual(state.secondment(id: "s1")?.status, .open)
        XCTAssertEqual(state.secondment(id: "s2")?.status, .ended)
        XCTAssertNil(state.secondment(id: "s1")?.statusOn)
    }

    func testSecondmentsFilterByTheirStatusOnTheDay() {
        let ids = { (filter: SecondmentFilter) in self.state.secondments(filter: filter).map(\.secondmentID) }
        let august = day("2026-08-01")
        XCTAssertEqual(ids(SecondmentFilter(on: august, status: .overdue)), ["s1", "s4"])
        XCTAssertEqual(ids(SecondmentFilter(on: august, status: .planned)), ["s3"])
        XCTAssertEqual(ids(SecondmentFilter(on: august, status: .ended)), ["s2"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-06-15"), status: .active)), ["s1", "s4"])
        XCTAssertEqual(ids(SecondmentFilter(on: august, status: .open)), [], "open is the status without a day")
        XCTAssertEqual(ids(SecondmentFilter(status: .active)), [], "active needs a day")
        XCTAssertEqual(
            state.secondments(filter: SecondmentFilter(on: day("2026-06-15"))).map(\.status),
            [.active, .active]
        )
    }

    func testAnAgreementsActivitiesAreJudgedOnItsDay() throws {
        let detail = try XCTUnwrap(state.agreement(id: Story.mouID, on: day("2026-08-01")))
        XCTAssertEqual(detail.secondments.map(\.status), [.overdue, .ended, .overdue, .planned])
        XCTAssertEqual(detail.accessGrants.map(\.status), [.valid, .revoked])
    }

    func testStatusesAreWrittenAsTheirNames() throws {
        let view = try XCTUnwrap(state.secondment(id: "s1", on: day("2026-08-01")))
        let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        XCTAssertTrue(json.contains("\"status\":\"overdue\""), json)
        XCTAssertTrue(json.contains("\"statusOn\":\"2026-08-01\""), json)
        XCTAssertEqual(SecondmentStatus.allowedValues, "planned, active, overdue, ended, open")
        XCTAssertEqual(AccessGrantStatus.allowedValues, "notYetValid, valid, expired, revoked, granted")
    }
}
