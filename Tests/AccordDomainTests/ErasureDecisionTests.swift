import XCTest

@testable import AccordDomain

/// `person.erase`: once per known person, never undone, and what the views say afterwards.
final class ErasureDecisionTests: XCTestCase {
    private let erase = Command.erasePersonalData(
        ErasePersonalData(personID: "alice", reason: "request of the person", legalBasis: "GDPR art. 17(1)(a)")
    )

    func testAKnownPersonIsErasedOnceAndTheViewsSaySo() {
        let scenario = Scenario(checked: Story.firstYear)
        scenario.when(erase).then([
            .personalDataErased(
                PersonalDataErased(
                    personID: "alice",
                    reason: "request of the person",
                    legalBasis: "GDPR art. 17(1)(a)"
                )
            )
        ])
        let erased = scenario.after(erase)
        let position = erased.state.lastPosition
        let person = erased.state.personHistory(id: "alice")
        XCTAssertEqual(person?.person.erasure?.position, position)
        XCTAssertEqual(person?.person.erasure?.erasedBy, "liaison")
        XCTAssertTrue(person?.timeline.contains { $0.event == "PersonalDataErased" } ?? false)
        erased.when(erase).thenRejected(code: "personal_data_already_erased", field: "personID", kind: .conflict)
        erased.when(.retractEvent(RetractEvent(position: position!, reason: "undo")))
            .thenRejected(code: "erasure_not_retractable", mentioning: ["cannot be retracted"])
    }

    func testAnUnknownPersonAndEmptyReasonsAreRefused() {
        let scenario = Scenario(checked: Story.firstYear)
        scenario.when(.erasePersonalData(ErasePersonalData(personID: "nobody", reason: "r", legalBasis: "b")))
            .thenRejected(code: "unknown_person", field: "personID")
        scenario.when(.erasePersonalData(ErasePersonalData(personID: "alice", reason: "", legalBasis: "b")))
            .thenRejected(code: "empty_field", field: "reason")
    }
}
