import AccordAPI
import AccordDomain
import Foundation
import XCTest

/// What a correction changed is marked on institutions, sites, people and activities (`corrections` in JSON,
/// "corrected at #N" in tables), and in place in a person's history and a site's timeline.
final class CorrectionMarkTests: XCTestCase {
    func testEveryKindOfEntityCarriesTheMarksOfItsCorrections() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.accord([
            "meeting", "record", "--id", "m1", "--agreement", "cnrs-jrc-mou-2026", "--held-on", "2026-01-06",
            "--place", "Brussels", "--topic", "ethics",
        ])
        try correct(
            ledger,
            1,
            "InstitutionRegistered",
            #"{"institutionID": "cnrs", "name": "CNRS", "country": "FR", "kind": "researchOrganisation"}"#
        )
        try correct(
            ledger,
            3,
            "SiteRegistered",
            #"{"siteID": "ispra", "institution": "jrc", "name": "JRC Ispra site", "country": "IT", "facilities": ["nuclear-safety-lab", "modelling-centre"]}"#
        )
        try correct(
            ledger,
            6,
            "PersonRegistered",
            #"{"personID": "p-0001", "homeInstitution": "cnrs", "unit": "CNRS SHS"}"#
        )
        try correct(
            ledger,
            7,
            "SecondmentStarted",
            #"{"secondmentID": "s-2026-001", "person": "p-0001", "agreement": "cnrs-jrc-mou-2026", "homeInstitution": "cnrs", "hostInstitution": "jrc", "hostSite": "ispra", "mode": "expertiseMission", "domain": "nuclear", "startedOn": "2026-03-01", "plannedEnd": "2026-09-30"}"#
        )
        try correct(
            ledger,
            9,
            "MeetingHeld",
            #"{"meetingID": "m1", "agreement": "cnrs-jrc-mou-2026", "heldOn": "2026-01-07", "place": "Brussels", "units": [], "topics": ["ethics"]}"#
        )

        let institution = try decode(InstitutionView.self, ledger, ["institution", "list", "--json"], first: true)
        XCTAssertEqual(institution.corrections, [CorrectionMark(position: 10, reason: "fixed #1")])
        let jrc = try JSONCoding.decoder.decode(
            [InstitutionView].self,
            from: output(ledger, ["institution", "list", "--json"])
        )[1]
        XCTAssertEqual(jrc.corrections, [], "only what a correction changed is marked")
        let site = try decode(SiteHistory.self, ledger, ["site", "show", "ispra", "--json"])
        XCTAssertEqual(site.site.corrections.map(\.position), [11])
        let started = try XCTUnwrap(site.timeline.first { $0.event == "SecondmentStarted" })
        XCTAssertEqual(started.corrections.map(\.position), [13], "in place in the site's timeline")
        let person = try decode(PersonHistoryResponse.self, ledger, ["person", "history", "p-0001", "--json"])
        XCTAssertEqual(person.history.person.corrections.map(\.position), [12])
        let personStarted = try XCTUnwrap(person.history.timeline.first { $0.event == "SecondmentStarted" })
        XCTAssertEqual(personStarted.corrections.map(\.position), [13], "in place in the person's history")
        let meeting = try decode(MeetingView.self, ledger, ["meeting", "list", "--json"], first: true)
        XCTAssertEqual(meeting.corrections.map(\.position), [14])

        let institutions = try ledger.accord(["institution", "list", "--wide"]).standardOutput
        XCTAssertTrue(institutions.contains("CORRECTED") && institutions.contains("corrected at #10"), institutions)
        let sites = try ledger.accord(["site", "show", "ispra", "--wide"]).standardOutput
        XCTAssertTrue(sites.contains("corrected at #11 (fixed #3)"), sites)
        XCTAssertTrue(sites.contains("planned until 2026-09-30 (corrected at #13)"), sites)
        let history = try ledger.accord(["person", "history", "p-0001", "--wide"]).standardOutput
        XCTAssertTrue(history.contains("corrected at #12 (fixed #6)"), history)
        XCTAssertTrue(try ledger.accord(["meeting", "list", "--wide"]).standardOutput.contains("corrected at #14"))
        XCTAssertFalse(try ledger.accord(["project", "list"]).standardOutput.contains("CORRECTED"))
    }

    private func correct(_ ledger: LedgerFixture, _ position: Int, _ type: String, _ payload: String) throws {
        try ledger.accord([
            "correct", "--position", String(position), "--reason", "fixed #\(position)", "--event",
            #"{"type": "\#(type)", "payload": \#(payload)}"#,
        ])
    }

    private func output(_ ledger: LedgerFixture, _ arguments: [String]) throws -> Data {
        Data(try ledger.accord(arguments).standardOutput.utf8)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ ledger: LedgerFixture, _ arguments: [String]) throws
        -> Value
    {
        try JSONCoding.decoder.decode(type, from: output(ledger, arguments))
    }

    private func decode<Value: Decodable>(
        _ type: Value.Type,
        _ ledger: LedgerFixture,
        _ arguments: [String],
        first: Bool
    ) throws -> Value {
        try XCTUnwrap(try JSONCoding.decoder.decode([Value].self, from: output(ledger, arguments)).first)
    }
}
