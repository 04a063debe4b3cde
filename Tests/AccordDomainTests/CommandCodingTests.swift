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
        .erasePersonalData(ErasePersonalData(personID: "alice", reason: "Asked", legalBasis: "GDPR art. 17")),
    ]

    func testEveryCommandRoundTripsThroughItsBody() throws {
        XCTAssertEqual(Set(Self.everyCommand.map(\.commandName)), Set(Command.commandNames))
        XCTAssertEqual(Command.commandNames.count, 19)
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
             "hostSite":"ispra","mode":"detachment","domain":"nuclear",
             "startedOn":"2026-02-01","plannedEnd":"2026-07-31"}
            """#.utf8
        )
        XCTAssertEqual(
            try Command.decode(commandName: "secondment.start", body: body),
            .startSecondment(Story.startSecondment("s1"))
        )
    }

    /// The rejection the server would answer for a body that does not decode.
    private func rejection(
        decoding body: Data,
        as commandName: String,
        file: StaticString = #filePath,
        line: UInt = #line
    )
        -> Rejection?
    {
        do {
            let command = try Command.decode(commandName: commandName, body: body)
            XCTFail("decoded \(command.commandName)", file: file, line: line)
        } catch let error as DecodingError {
            return Rejection(decoding: error)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    func testAMissingFieldIsNamed() {
        let rejection = rejection(
            decoding: Data(#"{"secondmentID":"s1","endedOn":"2026-06-30"}"#.utf8),
            as: "secondment.end"
        )
        XCTAssertEqual(rejection?.code, "missing_field")
        XCTAssertEqual(rejection?.field, "outcome")
    }

    func testABadFieldInANestedEventIsNamedByItsPath() {
        let json =
            #"{"position":3,"reason":"r","corrected":"#
            + #"{"type":"SecondmentExtended","payload":{"secondmentID":"s1","plannedEnd":5}}}"#
        let body = Data(json.utf8)
        let rejection = rejection(decoding: body, as: "event.correct")
        XCTAssertEqual(rejection?.code, "invalid_field")
        XCTAssertEqual(rejection?.field, "corrected.payload.plannedEnd")
    }

    func testAnUnknownModeListsTheAllowedOnes() throws {
        let json = String(
            decoding: try Command.startSecondment(Story.startSecondment("s1")).encodedBody(),
            as: UTF8.self
        )
        .replacingOccurrences(of: "\"detachment\"", with: "\"sabbatical\"")
        let rejection = rejection(decoding: Data(json.utf8), as: "secondment.start")
        XCTAssertEqual(rejection?.field, "mode")
        XCTAssertEqual(rejection?.message.contains("expertiseMission, detachment, specialistPost"), true)
    }

    func testMalformedJsonIsRefusedWithoutAField() {
        let rejection = rejection(decoding: Data("{".utf8), as: "agreement.sign")
        XCTAssertEqual(rejection?.code, "invalid_json")
        XCTAssertNil(rejection?.field)
    }

    func testAnUnknownCommandIsNamed() {
        XCTAssertThrowsError(try Command.decode(commandName: "agreement.rename", body: Data("{}".utf8))) { error in
            XCTAssertEqual((error as? CommandDecodingError)?.commandName, "agreement.rename")
        }
    }
}
