import XCTest

@testable import AccordDomain

final class LimitTests: XCTestCase {
    private func institution(id: String = "x", name: String = "X") -> Command {
        .registerInstitution(RegisterInstitution(institutionID: id, name: name, country: "FR", kind: .other))
    }

    func testIdsAreAtMost64Characters() {
        let longest = String(repeating: "a", count: 64)
        given([]).when(institution(id: longest))
            .then([
                .institutionRegistered(
                    InstitutionRegistered(institutionID: longest, name: "X", country: "FR", kind: .other)
                )
            ])
        given([]).when(institution(id: longest + "a"))
            .thenRejected(code: "field_too_long", field: "institutionID", kind: .invalid, mentioning: ["64"])
    }

    func testIdsUseLowercaseLettersDigitsDotsUnderscoresAndHyphens() {
        for valid in ["cnrs", "0day", "a.b_c-d"] {
            if case .failure(let rejection) = given([]).when(institution(id: valid)).result {
                XCTFail("\(valid) refused: \(rejection.message)")
            }
        }
        for invalid in ["", "CNRS", "-cnrs", ".cnrs", "_x", "cnrs jrc", "cnrs/jrc", "é"] {
            given([]).when(institution(id: invalid)).thenRejected(code: "invalid_id", field: "institutionID")
        }
    }

    func testFreeTextIsAtMost2000CharactersAndNotBlank() {
        given([]).when(institution(name: String(repeating: "é", count: 2000))).result.assertSuccess()
        given([]).when(institution(name: String(repeating: "é", count: 2001)))
            .thenRejected(code: "field_too_long", field: "name", mentioning: ["2000"])
        given([]).when(institution(name: "  \n")).thenRejected(code: "empty_field", field: "name")
        given([]).when(institution(name: "CNRS\u{1B}[31m")).thenRejected(code: "invalid_text", field: "name")
        given([]).when(institution(name: "Line one\nLine two\tand a tab")).result.assertSuccess()
    }

    func testListsAreAtMost100Items() {
        let hundred = (1...100).map { "facility-\($0)" }
        let site = { (facilities: [String]) in
            Command.registerSite(
                RegisterSite(siteID: "ispra", institution: "jrc", name: "Ispra", country: "IT", facilities: facilities)
            )
        }
        given(Story.institutions).when(site(hundred)).result.assertSuccess()
        given(Story.institutions).when(site(hundred + ["facility-101"]))
            .thenRejected(code: "too_many_items", field: "facilities", mentioning: ["100"])
    }

    func testEveryListIsLimited() {
        let many = (1...101).map { "x\($0)" }
        var sign = SignAgreement(
            agreementID: "a",
            title: "A",
            kind: .framework,
            parties: many,
            signedOn: day("2026-01-06"),
            domains: ["nuclear"]
        )
        given(Story.institutions).when(.signAgreement(sign)).thenRejected(code: "too_many_items", field: "parties")
        sign.parties = ["cnrs", "jrc"]
        sign.domains = many
        given(Story.institutions).when(.signAgreement(sign)).thenRejected(code: "too_many_items", field: "domains")
        var meeting = RecordMeeting(
            meetingID: "m",
            agreement: Story.mouID,
            heldOn: day("2026-02-01"),
            place: "Ispra",
            units: many,
            topics: []
        )
        given(Story.foundation).when(.recordMeeting(meeting)).thenRejected(code: "too_many_items", field: "units")
        meeting.units = []
        meeting.topics = many
        given(Story.foundation).when(.recordMeeting(meeting)).thenRejected(code: "too_many_items", field: "topics")
        let expertise = RecordExpertise(
            expertiseID: "e",
            agreement: Story.mouID,
            deliveredOn: day("2026-02-01"),
            people: many,
            policyArea: "Energy",
            axis: .impact,
            summary: "S"
        )
        given(Story.foundation).when(.recordExpertise(expertise)).thenRejected(code: "too_many_items", field: "people")
    }

    func testReasonsAndSummariesAreLimited() {
        let long = String(repeating: "x", count: 2001)
        given(Story.foundation)
            .when(
                .terminateAgreement(
                    TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2027-01-01"), reason: long)
                )
            )
            .thenRejected(code: "field_too_long", field: "reason")
        given(Story.foundation + [.secondmentStarted(Story.secondment("s1"))])
            .when(.retractEvent(RetractEvent(position: 18, reason: long)))
            .thenRejected(code: "field_too_long", field: "reason")
    }
}

extension Result where Success == [Event], Failure == Rejection {
    func assertSuccess(file: StaticString = #filePath, line: UInt = #line) {
        if case .failure(let rejection) = self {
            XCTFail("refused: \(rejection.code): \(rejection.message)", file: file, line: line)
        }
    }
}
