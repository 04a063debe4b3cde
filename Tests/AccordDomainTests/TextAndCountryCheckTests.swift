import XCTest

@testable import AccordDomain

/// Given nothing recorded; when a registration carries text that hides or reorders characters, or a country that
/// does not exist; then it is refused naming the field.
final class TextAndCountryCheckTests: XCTestCase {
    private func institution(id: String = "x", name: String = "X", country: String = "FR") -> Command {
        .registerInstitution(RegisterInstitution(institutionID: id, name: name, country: country, kind: .other))
    }

    func testInvisibleCharactersAloneAreBlank() {
        for invisible in ["\u{200B}", "\u{FEFF}", " \u{200B}\u{200D} ", "\u{2060}", "\u{3164}"] {
            given([]).when(institution(name: invisible)).thenRejected(code: "empty_field", field: "name")
        }
        given([]).when(institution(name: "CNRS\u{200B}"))
            .then([
                .institutionRegistered(
                    InstitutionRegistered(institutionID: "x", name: "CNRS\u{200B}", country: "FR", kind: .other)
                )
            ])
    }

    func testBidirectionalOverridesAreRefusedInTextAndIds() {
        for control in [
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        ] {
            given([]).when(institution(name: "Joint \(control)Research"))
                .thenRejected(code: "bidirectional_control", field: "name", mentioning: ["name"])
            given([]).when(institution(id: "jrc\(control)x"))
                .thenRejected(code: "bidirectional_control", field: "institutionID", mentioning: ["institutionID"])
        }
        let reason = TerminateAgreement(
            agreementID: Story.mouID,
            terminatedOn: day("2027-01-01"),
            reason: "ok\u{202E}kO"
        )
        given(Story.foundation).when(.terminateAgreement(reason))
            .thenRejected(code: "bidirectional_control", field: "reason")
    }

    func testOnlyAssignedCountryCodesAndEUAreAccepted() {
        for code in ["FR", "IT", "BE", "EU", "AQ", "ZW"] {
            XCTAssertNoThrow(try Check.country(code, field: "country"), code)
        }
        for code in ["ZZ", "XX", "UK", "EZ", "fr", "FRA", ""] {
            given([]).when(institution(country: code))
                .thenRejected(code: "invalid_country", field: "country", mentioning: ["ISO 3166-1 alpha-2", "EU"])
        }
        XCTAssertEqual(CountryCodes.iso3166Alpha2.count, 249)
        let site = RegisterSite(siteID: "s", institution: "cnrs", name: "S", country: "ZZ", facilities: [])
        given(Story.foundation).when(.registerSite(site)).thenRejected(code: "invalid_country", field: "country")
    }
}
