import XCTest

@testable import AccordDomain

final class SecondmentReadModelTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    private func ids(_ filter: SecondmentFilter) -> [String] {
        state.secondments(filter: filter).map(\.secondmentID)
    }

    func testWhoIsSecondedOnADay() {
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-01-31"))), [])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-04-15"))), ["s1", "s2"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-04-30"))), ["s1", "s2"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-05-01"))), ["s1"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-06-15"))), ["s1", "s4"])
        // s1 and s4 are past their planned ends with no end recorded: overdue, so still listed as under way.
        XCTAssertEqual(ids(SecondmentFilter(on: day("2027-05-01"))), ["s1", "s4", "s3"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2027-05-01"), status: .active)), ["s3"])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2027-07-01"), status: .overdue)), ["s1", "s4", "s3"])
    }

    func testStatusesOnADayWithoutKeepingOnlyThoseUnderWay() {
        XCTAssertEqual(ids(SecondmentFilter(status: .overdue, statusOn: day("2027-05-01"))), ["s1", "s4"])
        XCTAssertEqual(ids(SecondmentFilter(status: .ended, statusOn: day("2027-05-01"))), ["s2"])
        XCTAssertEqual(
            state.secondments(filter: SecondmentFilter(statusOn: day("2026-01-31"))).map(\.status),
            [.planned, .planned, .planned, .planned]
        )
    }

    func testFiltersCombine() {
        XCTAssertEqual(ids(SecondmentFilter(site: "geel")), ["s2"])
        XCTAssertEqual(ids(SecondmentFilter(person: "alice")), ["s1", "s3"])
        XCTAssertEqual(ids(SecondmentFilter(institution: "jrc")), ["s1", "s2", "s4", "s3"])
        XCTAssertEqual(ids(SecondmentFilter(institution: "cea")), [])
        XCTAssertEqual(ids(SecondmentFilter(mode: .expertiseMission)), ["s2", "s4"])
        XCTAssertEqual(ids(SecondmentFilter(domain: "digital-ai-data-science")), ["s3"])
        XCTAssertEqual(ids(SecondmentFilter(status: .ended)), ["s2"])
        XCTAssertEqual(ids(SecondmentFilter(status: .open)), ["s1", "s4", "s3"])
        XCTAssertEqual(ids(SecondmentFilter(agreement: "other")), [])
        XCTAssertEqual(ids(SecondmentFilter(on: day("2026-06-15"), person: "clara", mode: .expertiseMission)), ["s4"])
    }

    func testAViewShowsExtensionsAndTheActualEnd() throws {
        let s3 = try XCTUnwrap(state.secondment(id: "s3"))
        XCTAssertEqual(s3.plannedEnd, day("2027-06-30"))
        XCTAssertEqual(s3.extensions, [day("2027-06-30")])
        XCTAssertEqual(s3.status, .open)
        XCTAssertEqual(s3.lastDay, day("2027-06-30"))
        let s2 = try XCTUnwrap(state.secondment(id: "s2"))
        XCTAssertEqual(s2.endedOn, day("2026-04-30"))
        XCTAssertEqual(s2.outcome, "Measurements done")
        XCTAssertEqual(s2.lastDay, day("2026-04-30"))
        XCTAssertEqual(s2.status, .ended)
        XCTAssertEqual(s2.position, 20)
        XCTAssertNil(state.secondment(id: "s9"))
    }

    func testACorrectionReplacesTheOriginalFacts() throws {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "seville"))
        let scenario = Scenario(checked: Story.firstYear)
            .after(.correctEvent(CorrectEvent(position: 19, corrected: corrected, reason: "Hosted at Seville")))
        XCTAssertEqual(scenario.state.secondment(id: "s1")?.hostSite, "seville")
        XCTAssertEqual(scenario.state.secondment(id: "s1")?.position, 19)
        XCTAssertEqual(scenario.state.secondments(filter: SecondmentFilter(site: "ispra")), [])
        XCTAssertEqual(scenario.state.site(id: "seville")?.secondments.map(\.secondmentID), ["s1"])
        XCTAssertEqual(scenario.state.site(id: "ispra")?.secondments, [])
    }

    func testARetractedStartNoLongerShows() {
        let scenario = Scenario(checked: Story.firstYear)
            .after(.retractEvent(RetractEvent(position: 21, reason: "The end was recorded twice")))
            .after(.retractEvent(RetractEvent(position: 20, reason: "Bruno never went")))
        XCTAssertNil(scenario.state.secondment(id: "s2"))
        XCTAssertEqual(scenario.state.secondments().map(\.secondmentID), ["s1", "s4", "s3"])
        XCTAssertEqual(scenario.state.personHistory(id: "bruno")?.secondments, [])
        XCTAssertEqual(scenario.state.agreements().first?.activity.secondments, 3)
        XCTAssertEqual(scenario.state.retraction(of: 20), 31)
        XCTAssertNil(scenario.state.effectiveEvent(at: 20))
        XCTAssertEqual(scenario.state.recordedEvent(at: 20)?.event.typeName, "SecondmentStarted")
    }

    func testAStartWithAnEndAfterItCannotBeRetractedAlone() {
        Scenario(checked: Story.firstYear).when(.retractEvent(RetractEvent(position: 20, reason: "x")))
            .thenRejected(code: "history_broken", mentioning: ["position 21", "unknown_secondment"])
    }

    func testARetractedIdCanBeUsedAgain() {
        let scenario = Scenario(checked: Story.firstYear)
            .after(.retractEvent(RetractEvent(position: 21, reason: "x")))
            .after(.retractEvent(RetractEvent(position: 20, reason: "x")))
        scenario.when(.startSecondment(Story.startSecondment("s2", person: "bruno", site: "geel")))
            .then([.secondmentStarted(Story.secondment("s2", person: "bruno", site: "geel"))])
    }
}
