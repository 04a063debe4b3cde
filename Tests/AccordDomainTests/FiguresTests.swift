import XCTest

@testable import AccordDomain

final class FiguresTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    func testMobilityFlowsCountSecondmentsStartedPerYear() {
        XCTAssertEqual(
            state.figures(year: 2026).mobilityFlows,
            [
                MobilityFlow(year: 2026, homeInstitution: "cnrs", hostInstitution: "jrc", secondmentsStarted: 3),
                MobilityFlow(year: 2026, homeInstitution: "jrc", hostInstitution: "cnrs", secondmentsStarted: 1),
            ]
        )
        XCTAssertEqual(state.figures(year: 2027).mobilityFlows, [])
    }

    func testActivityPerDomainAndAxis() {
        let figures = state.figures()
        XCTAssertNil(figures.year)
        XCTAssertEqual(
            figures.activityByDomain,
            [
                DomainActivity(
                    year: 2026,
                    domain: "digital-ai-data-science",
                    activity: ActivityCounts(secondments: 1, accessGrants: 0, meetings: 0, projects: 1, expertise: 0)
                ),
                DomainActivity(
                    year: 2026,
                    domain: "humanities-social-sciences",
                    activity: ActivityCounts(secondments: 1, accessGrants: 1, meetings: 1, projects: 0, expertise: 1)
                ),
                DomainActivity(
                    year: 2026,
                    domain: "nuclear",
                    activity: ActivityCounts(secondments: 2, accessGrants: 1, meetings: 0, projects: 0, expertise: 0)
                ),
            ]
        )
        XCTAssertEqual(figures.activityByAxis, [AxisActivity(year: 2026, axis: .anticipation, expertise: 1)])
        XCTAssertEqual(
            figures.totals,
            [
                YearActivity(
                    year: 2026,
                    activity: ActivityCounts(secondments: 4, accessGrants: 2, meetings: 1, projects: 1, expertise: 1)
                )
            ]
        )
    }

    func testRetractionsLeaveTheFigures() {
        let scenario = Scenario(checked: Story.firstYear)
            .after(.retractEvent(RetractEvent(position: 24, reason: "Clara's mission was cancelled")))
        XCTAssertEqual(
            scenario.state.figures(year: 2026).mobilityFlows,
            [MobilityFlow(year: 2026, homeInstitution: "cnrs", hostInstitution: "jrc", secondmentsStarted: 3)]
        )
    }
}
