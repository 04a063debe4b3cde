import XCTest

@testable import AccordDomain

/// Given a registration whose personal data the engine keeps under a reference; when it is corrected; then the
/// reference stays the one in force.
final class PersonalDataCorrectionTests: XCTestCase {
    /// The foundation is 1…17; erin, with personal data, is registered at 18.
    private let history =
        Story.foundation + [
            .personRegistered(
                PersonRegistered(
                    personID: "erin",
                    homeInstitution: "cnrs",
                    unit: "UMR 7000",
                    personalDataReference: "pd-1"
                )
            )
        ]
    private let erinPosition: UInt64 = 18
    private let alicePosition: UInt64 = 14

    private func correction(_ position: UInt64, _ registered: PersonRegistered) -> Command {
        .correctEvent(
            CorrectEvent(position: position, corrected: .personRegistered(registered), reason: "Unit renamed")
        )
    }

    func testACorrectionThatLeavesTheReferenceOutKeepsTheOneInForce() {
        let renamed = PersonRegistered(personID: "erin", homeInstitution: "cnrs", unit: "UMR 7001")
        var kept = renamed
        kept.personalDataReference = "pd-1"
        given(history).when(correction(erinPosition, renamed))
            .then([
                .eventCorrected(
                    EventCorrected(position: erinPosition, corrected: .personRegistered(kept), reason: "Unit renamed")
                )
            ])
    }

    func testACorrectionCannotChangeTheReference() {
        let moved = PersonRegistered(
            personID: "erin",
            homeInstitution: "cnrs",
            unit: "UMR 7001",
            personalDataReference: "pd-2"
        )
        given(history).when(correction(erinPosition, moved))
            .thenRejected(
                code: "personal_data_not_correctable",
                field: "corrected",
                mentioning: ["personalDataReference", "registering it again through the engine"]
            )
    }

    func testACorrectionCannotAddAReference() {
        let added = PersonRegistered(
            personID: "alice",
            homeInstitution: "cnrs",
            unit: "UMR 8097",
            personalDataReference: "pd-9"
        )
        given(history).when(correction(alicePosition, added))
            .thenRejected(code: "personal_data_not_correctable", field: "corrected")
    }

    func testTheCorrectedRegistrationStillShowsTheReference() {
        let renamed = PersonRegistered(personID: "erin", homeInstitution: "cnrs", unit: "UMR 7001")
        let state = given(history).after(correction(erinPosition, renamed)).state
        XCTAssertEqual(state.personHistory(id: "erin")?.person.personalDataReference, "pd-1")
        XCTAssertEqual(state.personHistory(id: "erin")?.person.unit, "UMR 7001")
    }
}
