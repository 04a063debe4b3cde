import Foundation
import XCTest

@testable import AccordDomain

/// `checkRecorded`, what an import runs on each event another ledger recorded, refuses what `decide` refuses for the
/// command asking for that event, with the same rejection, and names the event's position and type.
final class RecordedEventCheckTests: XCTestCase {
    func testAnEventIsRefusedAsTheCommandForItIs() throws {
        let story = given(Story.foundation)
        let cases: [(command: Command, event: Event, code: String)] = [
            (
                .registerInstitution(
                    RegisterInstitution(institutionID: "cnrs", name: "Again", country: "FR", kind: .other)
                ),
                .institutionRegistered(
                    InstitutionRegistered(institutionID: "cnrs", name: "Again", country: "FR", kind: .other)
                ),
                "duplicate_id"
            ),
            (
                .startSecondment(Story.startSecondment("s-1", person: "zoe")),
                .secondmentStarted(Story.secondment("s-1", person: "zoe")),
                "unknown_person"
            ),
            (
                .grantAccess(Story.grantAccess("g-1", facility: "no-such-facility")),
                .infrastructureAccessGranted(Story.grant("g-1", facility: "no-such-facility")),
                "unknown_facility"
            ),
            (
                .registerInstitution(
                    RegisterInstitution(institutionID: "KIT!", name: "KIT", country: "DE", kind: .other)
                ),
                .institutionRegistered(
                    InstitutionRegistered(institutionID: "KIT!", name: "KIT", country: "DE", kind: .other)
                ),
                "invalid_id"
            ),
        ]
        let position = try XCTUnwrap(story.state.lastPosition) + 1
        for (command, event, code) in cases {
            let rejection = story.when(command).thenRejected(code: code)
            let recorded = RecordedEventCheckTests.recorded(event, at: position)
            do throws(RecordedEventRefusal) {
                try story.state.checkRecorded(recorded, inStream: event.streamID)
                XCTFail("\(code): the recorded \(event.typeName) passed")
            } catch {
                XCTAssertEqual(error.rejection, rejection, code)
                XCTAssertEqual(error.position, position)
                XCTAssertTrue(
                    error.message.hasPrefix("the \(event.typeName) at position \(position) breaks a rule"),
                    error.message
                )
                XCTAssertTrue(error.message.hasSuffix("[\(code)]"), error.message)
            }
        }
    }

    func testAnEventTheRulesAllowPasses() throws {
        let story = given(Story.foundation)
        let event = Event.secondmentStarted(Story.secondment("s-1"))
        let position = try XCTUnwrap(story.state.lastPosition) + 1
        XCTAssertNoThrow(
            try story.state.checkRecorded(
                RecordedEventCheckTests.recorded(event, at: position),
                inStream: event.streamID
            )
        )
    }

    /// The ledger sets an event's stream (a retraction's too, from the event it retracts); a record made elsewhere
    /// that puts one in another stream is refused.
    func testAnEventInAnotherStreamIsRefused() throws {
        let story = given(Story.foundation)
        let position = try XCTUnwrap(story.state.lastPosition) + 1
        let person = Story.person("erin", "cnrs", "UMR 8097")
        let misplacedRetraction = Event.eventRetracted(EventRetracted(position: 1, stream: "agreement/x", reason: "r"))
        for (event, stream) in [(person, "person/someone-else"), (misplacedRetraction, "agreement/x")] {
            let recorded = RecordedEventCheckTests.recorded(event, at: position)
            do throws(RecordedEventRefusal) {
                try story.state.checkRecorded(recorded, inStream: stream)
                XCTFail("\(event.typeName) in \(stream) passed")
            } catch {
                XCTAssertEqual(error.rejection.code, "stream_mismatch", error.message)
                XCTAssertTrue(error.message.contains("\"\(stream)\""), error.message)
            }
        }
    }

    private static func recorded(_ event: Event, at position: UInt64) -> RecordedEvent {
        RecordedEvent(
            position: position,
            recordedAt: Date(timeIntervalSince1970: 1_800_000_000),
            author: Author(userID: 1000, name: "liaison"),
            event: event
        )
    }
}
