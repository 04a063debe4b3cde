import XCTest

@testable import AccordDomain

final class AccessStatusOnTests: XCTestCase {
    private let state = Scenario(checked: Story.firstYear).state

    func testStatusesOnADayWithoutKeepingOnlyTheValidGrants() {
        let all = state.accessGrants()
        let judged = state.accessGrants(filter: AccessGrantFilter(statusOn: day("2020-01-01")))
        XCTAssertEqual(judged.map(\.grantID), all.map(\.grantID), "statusOn keeps every grant")
        XCTAssertEqual(Set(judged.map(\.status)), [.notYetValid])
        XCTAssertEqual(state.accessGrants(filter: AccessGrantFilter(on: day("2020-01-01"))), [], "on keeps the valid")
    }
}
