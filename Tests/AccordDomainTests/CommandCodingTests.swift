import Foundation
import XCTest

@testable import AccordDomain

final class CommandCodingTests: XCTestCase {
    static let everyCommand: [Command] = [
        .registerInstitution(
            RegisterInstitution(institutionID: "cnrs", name: "CNRS", country: "FR", kind: .researchOrganisation)
        ),
        .registerSite(
            RegisterSite(siteID: "ispra", institution: "jrc", name: "Ispra", country: "IT", facilities: ["hpc"])
        ),
        .signAgreement(
            SignAgreement(
                agreementID: Story.mouID,
                title: "MoU",
                kind: .mou,
                parties: ["cnrs", "jrc"],
                signedOn: day("2026-01-06"),
                domains: ["nuclear"]
            )
        ),
        .extendAgreement(ExtendAgreement(agreementID: Story.mouID, validUntil: day("2032-12-31"))),
        .addAgreementDomain(
            AddAgreementDomain(agreementID: Story.mouID, domain: "digital-ai-data-science", addedOn: day("2026-03-01"))
        ),
        .terminateAgreement(
            TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2033-01-01"), reason: "End")
        ),
        .registerPerson(RegisterPerson(personID: "alice", homeInstitution: "cnrs", unit: "UMR 8097")),
        .startSecondment(Story.startSecondment("s1")),
        .extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-12-31"))),
        .endSecondment(EndSecondment(secondmentID: "s1", endedOn: day("2026-11-30"), outcome: "Done")),
        .grantAccess(Story.grantAccess("g1")),
        .revokeAccess(RevokeAccess(grantID: "g1", revokedOn: day("2026-05-01"), reason: "Done")),
        .recordMeeting(
            RecordMeeting(
                meetingID: "m",
                agreement: Story.mouID,
                heldOn: day("2026-01-20"),
                place: "Brussels",
                units: [],
                topics: ["ethics"]
            )
        ),
        .joinProject(
            JoinProject(
                projectID: "p",
                agreement: Story.mouID,
                kind: .europeanProject,
                title: "P",
                domain: "nuclear",
                joinedOn: day("2026-04-01")
            )
        ),
        .endProject(EndProject(projectID: "p", endedOn: day("2027-01-01"), outcome: "Done")),
        .recordExpertise(
            RecordExpertise(
                expertiseID: "e",
                agreement: Story.mouID,
                deliveredOn: day("2026-05-15"),
                people: ["alice"],
                policyArea: "Integrity",
                axis: .impact,
                summary: "S"
            )
        ),
        .correctEvent(
            CorrectEvent(
                position: 18,
                corrected: .secondmentStarted(Story.secondment("s1", site: "geel")),
                reason: "Geel"
            )
        ),
        .retractEvent(RetractEvent(position: 18, reason: "Void")),
    ]

    func testEveryCommandRoundTripsThroughItsBody() throws {
        XCTAssertEqual(Set(Self.everyCommand.map(\.commandName)), Set(Command.commandNames))
        XCTAssertEqual(Command.commandNames.count, 18)
        for command in Self.everyCommand {
            let body = try command.encodedBody()
            XCTAssertEqual(
                try Command.decode(commandName: command.commandName, body: body),
                command,
                command.commandName
            )
        }
    }

    func testCommandNames() {
        XCTAssertEqual(Self.everyCommand[2].commandName, "agreement.sign")
        XCTAssertEqual(Self.everyCommand[7].commandName, "secondment.start")
        XCTAssertEqual(Self.everyCommand[16].commandName, "event.correct")
    }

    func testTheBodyOfAStartIsPlainCamelCase() throws {
        let body = Data(
            #"""
            {"secondmentID":"s1","person":"alice","agreement":"cnrs-jrc-mou-2026","hostInstitution":"jrc",
             "hostSite":"ispra","mode":"detachment","domain":"nuclear","startedOn":"2026-02-01","plannedEnd":"2026-07-31"}
            """#.utf8
        )
        XCTAssertEqual(
            try Command.decode(commandName: "secondment.start", body: body),
            .startSecondment(Story.startSecondment("s1"))
        )
    }

    func testAMissingFieldIsNamed() {
        let body = Data(#"{"secondmentID":"s1","endedOn":"2026-06-30"}"#.utf8)
        XCTAssertThrowsError(try Command.decode(commandName: "secondment.end", body: body)) { error in
            let rejection = Rejection(decoding: error as! DecodingError)
            XCTAssertEqual(rejection.code, "missing_field")
            XCTAssertEqual(rejection.field, "outcome")
        }
    }

    func testABadFieldInANestedEventIsNamedByItsPath() {
        let body = Data(
            #"{"position":3,"reason":"r","corrected":{"type":"SecondmentExtended","payload":{"secondmentID":"s1","plannedEnd":5}}}"#
                .utf8
        )
        XCTAssertThrowsError(try Command.decode(commandName: "event.correct", body: body)) { error in
            let rejection = Rejection(decoding: error as! DecodingError)
            XCTAssertEqual(rejection.code, "invalid_field")
            XCTAssertEqual(rejection.field, "corrected.payload.plannedEnd")
        }
    }

    func testAnUnknownModeListsTheAllowedOnes() {
        var json = String(
            decoding: try! Command.startSecondment(Story.startSecondment("s1")).encodedBody(),
            as: UTF8.self
        )
        json = json.replacingOccurrences(of: "\"detachment\"", with: "\"sabbatical\"")
        XCTAssertThrowsError(try Command.decode(commandName: "secondment.start", body: Data(json.utf8))) { error in
            let rejection = Rejection(decoding: error as! DecodingError)
            XCTAssertEqual(rejection.field, "mode")
            XCTAssertTrue(rejection.message.contains("expertiseMission, detachment, specialistPost"), rejection.message)
        }
    }

    func testMalformedJsonIsRefusedWithoutAField() {
        XCTAssertThrowsError(try Command.decode(commandName: "agreement.sign", body: Data("{".utf8))) { error in
            let rejection = Rejection(decoding: error as! DecodingError)
            XCTAssertEqual(rejection.code, "invalid_json")
            XCTAssertNil(rejection.field)
        }
    }

    func testAnUnknownCommandIsNamed() {
        XCTAssertThrowsError(try Command.decode(commandName: "agreement.rename", body: Data("{}".utf8))) { error in
            XCTAssertEqual((error as? CommandDecodingError)?.commandName, "agreement.rename")
        }
    }
}
