import XCTest

@testable import AccordDomain

final class InstitutionDeciderTests: XCTestCase {
    func testRegisteringAnInstitutionRecordsIt() {
        let command = RegisterInstitution(
            institutionID: "cnrs",
            name: "CNRS",
            country: "FR",
            kind: .researchOrganisation
        )
        given([]).when(.registerInstitution(command))
            .then([
                .institutionRegistered(
                    InstitutionRegistered(
                        institutionID: "cnrs",
                        name: "CNRS",
                        country: "FR",
                        kind: .researchOrganisation
                    )
                )
            ])
    }

    func testAnInstitutionIdIsUnique() {
        let command = RegisterInstitution(institutionID: "cnrs", name: "Again", country: "FR", kind: .other)
        given(Story.institutions).when(.registerInstitution(command))
            .thenRejected(code: "duplicate_id", field: "institutionID", kind: .conflict, mentioning: ["\"cnrs\""])
    }

    func testACountryIsATwoLetterCode() {
        let command = RegisterInstitution(institutionID: "x", name: "X", country: "France", kind: .other)
        given([]).when(.registerInstitution(command)).thenRejected(code: "invalid_country", field: "country")
    }

    func testASiteBelongsToAKnownInstitution() {
        let command = RegisterSite(
            siteID: "ispra",
            institution: "jrc",
            name: "Ispra",
            country: "IT",
            facilities: ["hpc"]
        )
        given(Story.institutions).when(.registerSite(command))
            .then([
                .siteRegistered(
                    SiteRegistered(
                        siteID: "ispra",
                        institution: "jrc",
                        name: "Ispra",
                        country: "IT",
                        facilities: ["hpc"]
                    )
                )
            ])
        given([]).when(.registerSite(command))
            .thenRejected(code: "unknown_institution", field: "institution", kind: .notFound, mentioning: ["\"jrc\""])
    }

    func testASiteIdIsUnique() {
        let command = RegisterSite(siteID: "ispra", institution: "cnrs", name: "Ispra", country: "IT", facilities: [])
        given(Story.institutions + Story.sites).when(.registerSite(command))
            .thenRejected(code: "duplicate_id", field: "siteID")
    }

    func testFacilitiesOfASiteAreDistinct() {
        let command = RegisterSite(siteID: "x", institution: "jrc", name: "X", country: "IT", facilities: ["a", "a"])
        given(Story.institutions).when(.registerSite(command)).thenRejected(code: "duplicate_item", field: "facilities")
    }
}
