import Foundation
import XCTest

@testable import AccordDomain

final class AsOfTests: XCTestCase {
    func testTheLedgerAsItStoodBeforeACorrection() {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "seville"))
        let scenario = Scenario(checked: Story.firstYear)
            .after(.correctEvent(CorrectEvent(position: 19, corrected: corrected, reason: "Seville")))
        XCTAssertEqual(scenario.state.secondment(id: "s1")?.hostSite, "seville")
        let before = scenario.state.asOf(position: 29)
        XCTAssertEqual(before.secondment(id: "s1")?.hostSite, "ispra")
        XCTAssertEqual(before.eventCount, 29)
        XCTAssertEqual(scenario.state.asOf(position: 18).secondments(), [])
    }

    func testTheLedgerAsItStoodAtARecordedTime() {
        let state = Scenario(checked: Story.firstYear).state
        let atNineteen = state.asOf(recordedAt: Date(timeIntervalSince1970: 1_767_657_600 + 19))
        XCTAssertEqual(atNineteen.lastPosition, 19)
        XCTAssertEqual(atNineteen.secondments().map(\.secondmentID), ["s1"])
        XCTAssertEqual(state.asOf(recordedAt: Date(timeIntervalSince1970: 0)).eventCount, 0)
    }
}
