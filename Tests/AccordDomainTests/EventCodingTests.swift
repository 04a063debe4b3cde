import Foundation
import XCTest

@testable import AccordDomain

final class EventCodingTests: XCTestCase {
    /// One event of every type, with optional fields both present and absent across the set.
    static let everyEvent: [Event] = {
        var openEnded = Story.mouSigned
        openEnded.validUntil = nil
        var team = Story.grant("g2", grantee: "ethics-team")
        team.granteeKind = .team
        team.domain = nil
        return Story.foundation + [
            .agreementSigned(openEnded),
            .agreementExtended(AgreementExtended(agreementID: Story.mouID, validUntil: day("2032-12-31"))),
            .agreementTerminated(
                AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2033-01-01"), reason: "Replaced")
            ),
            .personRegistered(
                PersonRegistered(
                    personID: "eve",
                    homeInstitution: "cnrs",
                    unit: "LIP6",
                    personalDataReference: "pd/7f3a"
                )
            ),
            .secondmentStarted(Story.secondment("s1")),
            .secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-12-31"))),
            .secondmentEnded(
                SecondmentEnded(secondmentID: "s1", endedOn: day("2026-11-30"), outcome: "Report \"delivered\"")
            ),
            .infrastructureAccessGranted(Story.grant("g1")),
            .infrastructureAccessGranted(team),
            .infrastructureAccessRevoked(
                InfrastructureAccessRevoked(grantID: "g1", revokedOn: day("2026-05-01"), reason: "Done")
            ),
            .meetingHeld(Story.brusselsMeeting),
            .projectJoined(Story.modellingProject),
            .projectEnded(ProjectEnded(projectID: "energy-models", endedOn: day("2027-03-31"), outcome: "Published")),
            .expertiseDelivered(Story.integrityExpertise),
            .eventCorrected(
                EventCorrected(
                    position: 18,
                    corrected: .secondmentStarted(Story.secondment("s1", site: "geel")),
                    reason: "Geel"
                )
            ),
            .eventRetracted(EventRetracted(position: 18, stream: "secondment/s1", reason: "Void")),
            .personalDataErased(PersonalDataErased(personID: "eve", reason: "Asked", legalBasis: "GDPR art. 17")),
        ]
    }()

    func testEveryTypeIsCovered() {
        XCTAssertEqual(Set(Self.everyEvent.map(\.typeName)), Set(Event.typeNames))
        XCTAssertEqual(Event.typeNames.count, 19)
    }

    func testEveryEventRoundTripsThroughItsPayload() throws {
        for event in Self.everyEvent {
            let payload = try event.encodedPayload()
            XCTAssertEqual(try Event.decode(typeName: event.typeName, payload: payload), event, event.typeName)
        }
    }

    func testEveryEventRoundTripsThroughTheApiForm() throws {
        for event in Self.everyEvent {
            let data = try JSONEncoder().encode(event)
            XCTAssertEqual(try JSONDecoder().decode(Event.self, from: data), event, event.typeName)
        }
    }

    func testPayloadsHaveSortedKeysAndIsoDates() throws {
        let payload = try Event.agreementExtended(
            AgreementExtended(agreementID: Story.mouID, validUntil: day("2032-12-31"))
        )
        .encodedPayload()
        XCTAssertEqual(
            String(decoding: payload, as: UTF8.self),
            #"{"agreementID":"cnrs-jrc-mou-2026","validUntil":"2032-12-31"}"#
        )
    }

    func testTheApiFormNamesTheType() throws {
        let event = Event.agreementExtended(AgreementExtended(agreementID: "a", validUntil: day("2032-12-31")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(
            String(decoding: try encoder.encode(event), as: UTF8.self),
            #"{"payload":{"agreementID":"a","validUntil":"2032-12-31"},"type":"AgreementExtended"}"#
        )
    }

    func testAnUnknownTypeIsNamed() {
        XCTAssertThrowsError(try Event.decode(typeName: "AgreementRenamed", payload: Data("{}".utf8))) { error in
            XCTAssertEqual((error as? EventDecodingError)?.typeName, "AgreementRenamed")
            XCTAssertTrue("\(error)".contains("AgreementSigned"))
        }
        let document = Data(#"{"type":"AgreementRenamed","payload":{}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Event.self, from: document)) { error in
            XCTAssertTrue("\(error)".contains("AgreementRenamed"))
        }
    }

    func testAnUnknownEnumerationValueNamesTheFieldAndTheAllowedValues() {
        let payload = Data(#"{"institutionID":"x","name":"X","country":"FR","kind":"charity"}"#.utf8)
        XCTAssertThrowsError(try Event.decode(typeName: "InstitutionRegistered", payload: payload)) { error in
            guard let decodingError = error as? DecodingError else {
                return XCTFail("\(error)")
            }
            let rejection = Rejection(decoding: decodingError)
            XCTAssertEqual(rejection.field, "kind")
            XCTAssertEqual(rejection.code, "invalid_field")
            XCTAssertTrue(rejection.message.contains("\"charity\""), rejection.message)
            XCTAssertTrue(rejection.message.contains("researchOrganisation, university"), rejection.message)
        }
    }

    func testEveryEventHasItsStream() {
        let streams = Dictionary(
            Self.everyEvent.map { ($0.typeName, $0.streamID) },
            uniquingKeysWith: { first, _ in first }
        )
        XCTAssertEqual(streams["InstitutionRegistered"], "institution/cnrs")
        XCTAssertEqual(streams["SiteRegistered"], "site/ispra")
        XCTAssertEqual(streams["AgreementSigned"], "agreement/cnrs-jrc-mou-2026")
        XCTAssertEqual(streams["PersonRegistered"], "person/alice")
        XCTAssertEqual(streams["SecondmentStarted"], "secondment/s1")
        XCTAssertEqual(streams["InfrastructureAccessGranted"], "grant/g1")
        XCTAssertEqual(streams["MeetingHeld"], "agreement/cnrs-jrc-mou-2026")
        XCTAssertEqual(streams["ProjectJoined"], "project/energy-models")
        XCTAssertEqual(streams["ExpertiseDelivered"], "agreement/cnrs-jrc-mou-2026")
        XCTAssertEqual(streams["EventCorrected"], "secondment/s1")
        XCTAssertEqual(streams["EventRetracted"], "secondment/s1")
    }

    func testNoEventCarriesAPersonsName() throws {
        let forbidden = ["firstName", "lastName", "fullName", "email", "phone", "personName"]
        for event in Self.everyEvent {
            let text = String(decoding: try event.encodedPayload(), as: UTF8.self)
            for key in forbidden {
                XCTAssertFalse(text.contains("\"\(key)\""), "\(event.typeName) carries \(key)")
            }
        }
    }

    func testARecordedEventRoundTrips() throws {
        let recorded = RecordedEvent(
            position: 7,
            recordedAt: Date(timeIntervalSince1970: 1_767_700_000.25),
            author: Author(userID: 1000, name: "liaison"),
            event: .meetingHeld(Story.brusselsMeeting)
        )
        XCTAssertEqual(try JSONDecoder().decode(RecordedEvent.self, from: try JSONEncoder().encode(recorded)), recorded)
    }
}
