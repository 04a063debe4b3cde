import XCTest

@testable import AccordDomain

final class PersonDeciderTests: XCTestCase {
    func testRegisteringAPersonKeepsOnlyTheReferenceToPersonalData() {
        let command = RegisterPerson(
            personID: "eve",
            homeInstitution: "cnrs",
            unit: "LIP6",
            personalDataReference: "pd-7f3a"
        )
        given(Story.institutions).when(.registerPerson(command))
            .then([
                .personRegistered(
                    PersonRegistered(
                        personID: "eve",
                        homeInstitution: "cnrs",
                        unit: "LIP6",
                        personalDataReference: "pd-7f3a"
                    )
                )
            ])
    }

    func testAPersonBelongsToAKnownInstitution() {
        let command = RegisterPerson(personID: "eve", homeInstitution: "inria", unit: "LIP6")
        given(Story.institutions).when(.registerPerson(command))
            .thenRejected(code: "unknown_institution", field: "homeInstitution", mentioning: ["\"inria\""])
    }

    func testAPersonIdIsUnique() {
        let command = RegisterPerson(personID: "alice", homeInstitution: "cnrs", unit: "LIP6")
        given(Story.foundation).when(.registerPerson(command)).thenRejected(code: "duplicate_id", field: "personID")
    }
}
