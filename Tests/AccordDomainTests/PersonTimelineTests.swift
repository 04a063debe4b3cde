import XCTest

@testable import AccordDomain

/// Given the first year (recorded on 2026-01-06, one second per position); when a person's history is read; then
/// its timeline has every step about them, dated by the business day or, for facts without one, the recording day.
final class PersonTimelineTests: XCTestCase {
    private let firstYear = Scenario(checked: Story.firstYear)

    private func steps(_ state: LedgerState, _ person: String) -> [String] {
        (state.personHistory(id: person)?.timeline ?? []).map { "\($0.date) \($0.event) \($0.subject)" }
    }

    func testTheTimelineHasExtensionsEndsAndRevocations() throws {
        XCTAssertTrue(steps(firstYear.state, "alice").contains("2026-01-06 SecondmentExtended secondment/s3"))
        XCTAssertTrue(steps(firstYear.state, "alice").contains("2026-05-01 InfrastructureAccessRevoked grant/g1"))
        XCTAssertTrue(steps(firstYear.state, "bruno").contains("2026-04-30 SecondmentEnded secondment/s2"))
        let extended = try XCTUnwrap(
            firstYear.state.personHistory(id: "alice")?.timeline.first { $0.event == "SecondmentExtended" }
        )
        XCTAssertEqual(extended.summary, "s3 of alice extended: planned until 2027-06-30")
        XCTAssertFalse(steps(firstYear.state, "bruno").contains { $0.contains("SecondmentExtended") })
    }

    func testTheTimelineHasCorrectionsOfEventsAboutThePerson() throws {
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "seville"))
        let state = firstYear.after(
            .correctEvent(CorrectEvent(position: 19, corrected: corrected, reason: "Hosted at Seville"))
        )
        .state
        let step = try XCTUnwrap(state.personHistory(id: "alice")?.timeline.first { $0.event == "EventCorrected" })
        XCTAssertEqual(step.subject, "secondment/s1")
        XCTAssertEqual(step.date, day("2026-01-06"))
        XCTAssertEqual(step.summary, "SecondmentStarted at position 19 corrected at position 30: Hosted at Seville")
        XCTAssertFalse(steps(state, "bruno").contains { $0.contains("EventCorrected") })
    }

    func testTheTimelineKeepsRetractionsEvenOfWhatNoLongerShows() {
        let state =
            firstYear
            .after(.retractEvent(RetractEvent(position: 21, reason: "The end was recorded twice")))
            .after(.retractEvent(RetractEvent(position: 20, reason: "Bruno never went")))
            .state
        XCTAssertEqual(
            steps(state, "bruno"),
            [
                "2026-01-06 EventRetracted secondment/s2",
                "2026-01-06 EventRetracted secondment/s2",
                "2026-05-15 ExpertiseDelivered expertise/integrity-2026",
            ]
        )
        XCTAssertFalse(steps(state, "alice").contains { $0.contains("EventRetracted") })
    }

    func testACorrectionOfTheRegistrationConcernsThePerson() {
        let renamed = PersonRegistered(personID: "clara", homeInstitution: "jrc", unit: "Unit G.3")
        let state = firstYear.after(
            .correctEvent(CorrectEvent(position: 16, corrected: .personRegistered(renamed), reason: "Unit renamed"))
        ).state
        XCTAssertTrue(steps(state, "clara").contains("2026-01-06 EventCorrected person/clara"))
    }
}
