import XCTest

@testable import AccordDomain

/// Given a refusal; then its message names the CLI command that helps, in the CLI's own words.
final class RejectionMessageTests: XCTestCase {
    /// The foundation is 1…17; s1 starts at 18.
    private let history = Story.foundation + [.secondmentStarted(Story.secondment("s1"))]

    private func refused(
        _ outcome: Outcome,
        code: String,
        mentioning fragments: [String],
        avoiding forbidden: [String],
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let rejection = outcome.thenRejected(code: code, mentioning: fragments, file: file, line: line)
        for fragment in forbidden {
            XCTAssertFalse(
                rejection?.message.contains(fragment) ?? false,
                "\"\(rejection?.message ?? "")\" says \"\(fragment)\"",
                file: file,
                line: line
            )
        }
    }

    func testASecondTerminationPointsToAccordCorrect() {
        let first = AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2027-01-01"), reason: "Replaced")
        let again = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2027-02-01"), reason: "Replaced")
        refused(
            given(history + [.agreementTerminated(first)]).when(.terminateAgreement(again)),
            code: "already_terminated",
            mentioning: [
                "accord correct --position N --reason R --event JSON",
                "accord log --stream agreement/cnrs-jrc-mou-2026",
            ],
            avoiding: ["accord event correct"]
        )
    }

    func testCorrectionMessagesNameEventTypesWithoutArticles() {
        let extended = Event.secondmentExtended(SecondmentExtended(secondmentID: "s1", plannedEnd: day("2026-12-31")))
        refused(
            given(history).when(.correctEvent(CorrectEvent(position: 18, corrected: extended, reason: "x"))),
            code: "correction_type_mismatch",
            mentioning: ["holds event SecondmentStarted", "not event SecondmentExtended"],
            avoiding: ["an SecondmentStarted", "an SecondmentExtended"]
        )
        let corrected = Event.secondmentStarted(Story.secondment("s1", site: "geel"))
        let state = given(history).after(.correctEvent(CorrectEvent(position: 18, corrected: corrected, reason: "x")))
        refused(
            state.when(.retractEvent(RetractEvent(position: 19, reason: "x"))),
            code: "correction_of_correction",
            mentioning: ["holds event EventCorrected"],
            avoiding: ["an EventCorrected"]
        )
    }

    func testAVersionConflictStatesBothVersionsInEitherDirection() {
        let extend = Command.extendSecondment(ExtendSecondment(secondmentID: "s1", plannedEnd: day("2026-12-31")))
        refused(
            given(history).when(extend, expectedVersion: 0),
            code: "version_conflict",
            mentioning: ["version 1", "expected 0", "1 more event", "accord log --stream secondment/s1"],
            avoiding: []
        )
        refused(
            given(history).when(extend, expectedVersion: 5),
            code: "version_conflict",
            mentioning: ["version 1", "expected 5", "fewer events", "accord log --stream secondment/s1"],
            avoiding: ["meanwhile", "someone recorded"]
        )
    }

    func testAnUnknownIdNamesTheCommandsThatListAndCreateItsKind() {
        var unknownAgreement = Story.startSecondment("s2")
        unknownAgreement.agreement = "mou-x"
        refused(
            given(history).when(.startSecondment(unknownAgreement)),
            code: "unknown_agreement",
            mentioning: ["\"accord agreement list\"", "\"accord agreement sign\"", "agreement"],
            avoiding: []
        )
        refused(
            given(history).when(.revokeAccess(RevokeAccess(grantID: "g9", revokedOn: day("2026-05-01"), reason: "x"))),
            code: "unknown_grant",
            mentioning: ["\"accord access list\"", "\"accord access grant\""],
            avoiding: []
        )
        refused(
            given(history).when(.endProject(EndProject(projectID: "p9", endedOn: day("2026-05-01"), outcome: "x"))),
            code: "unknown_project",
            mentioning: ["\"accord agreement show AGREEMENT\"", "\"accord project join\""],
            avoiding: []
        )
    }
}
