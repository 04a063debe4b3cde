import XCTest

@testable import AccordDomain

final class AgreementDeciderTests: XCTestCase {
    private let sign = SignAgreement(
        agreementID: Story.mouID,
        title: "Memorandum of understanding between the CNRS and the JRC",
        kind: .mou,
        parties: ["cnrs", "jrc"],
        signedOn: day("2026-01-06"),
        domains: ["nuclear", "humanities-social-sciences"],
        validUntil: day("2030-12-31")
    )

    func testSigningTheMouRecordsIt() {
        given(Story.institutions).when(.signAgreement(sign)).then([.agreementSigned(Story.mouSigned)])
    }

    func testAnAgreementIdIsUnique() {
        given(Story.foundation).when(.signAgreement(sign)).thenRejected(code: "duplicate_id", field: "agreementID")
    }

    func testAnAgreementNeedsTwoDistinctParties() {
        var single = sign
        single.parties = ["cnrs"]
        given(Story.institutions).when(.signAgreement(single)).thenRejected(code: "too_few_parties", field: "parties")
        var twice = sign
        twice.parties = ["cnrs", "cnrs"]
        given(Story.institutions).when(.signAgreement(twice)).thenRejected(code: "duplicate_item", field: "parties")
    }

    func testEveryPartyMustBeKnown() {
        var command = sign
        command.parties = ["cnrs", "jrc", "inria"]
        given(Story.institutions).when(.signAgreement(command))
            .thenRejected(code: "unknown_institution", field: "parties", mentioning: ["\"inria\""])
    }

    func testTheValidityEndIsNotBeforeTheSigning() {
        var command = sign
        command.validUntil = day("2025-12-31")
        given(Story.institutions).when(.signAgreement(command)).thenRejected(
            code: "end_before_start",
            field: "validUntil"
        )
    }

    func testAnAgreementOpensAtLeastOneDomain() {
        var command = sign
        command.domains = []
        given(Story.institutions).when(.signAgreement(command)).thenRejected(code: "empty_field", field: "domains")
    }

    func testAnExtensionMovesTheEndLater() {
        let later = ExtendAgreement(agreementID: Story.mouID, validUntil: day("2032-12-31"))
        given(Story.foundation).when(.extendAgreement(later))
            .then([.agreementExtended(AgreementExtended(agreementID: Story.mouID, validUntil: day("2032-12-31")))])
        let same = ExtendAgreement(agreementID: Story.mouID, validUntil: day("2030-12-31"))
        given(Story.foundation).when(.extendAgreement(same))
            .thenRejected(code: "extension_not_later", field: "validUntil", mentioning: ["2030-12-31"])
    }

    func testAnAgreementWithoutEndCannotBeExtended() {
        var openEnded = Story.mouSigned
        openEnded.validUntil = nil
        given(Story.institutions + [.agreementSigned(openEnded)])
            .when(.extendAgreement(ExtendAgreement(agreementID: Story.mouID, validUntil: day("2032-12-31"))))
            .thenRejected(code: "agreement_without_end")
    }

    func testATerminatedAgreementCannotBeExtended() {
        let terminated = AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2027-01-01"), reason: "Ended")
        given(Story.foundation + [.agreementTerminated(terminated)])
            .when(.extendAgreement(ExtendAgreement(agreementID: Story.mouID, validUntil: day("2032-12-31"))))
            .thenRejected(code: "agreement_terminated")
    }

    func testExtendingAnUnknownAgreementNamesIt() {
        given(Story.institutions)
            .when(.extendAgreement(ExtendAgreement(agreementID: "mou-x", validUntil: day("2032-12-31"))))
            .thenRejected(
                code: "unknown_agreement",
                field: "agreementID",
                kind: .notFound,
                mentioning: ["\"mou-x\"", "accord agreement sign"]
            )
    }

    func testADomainCanBeAddedOnceWhileInForce() {
        let add = AddAgreementDomain(
            agreementID: Story.mouID,
            domain: "digital-ai-data-science",
            addedOn: day("2026-03-01")
        )
        given(Story.institutions + [.agreementSigned(Story.mouSigned)]).when(.addAgreementDomain(add))
            .then([.agreementDomainAdded(Story.digitalAdded)])
        given(Story.foundation).when(.addAgreementDomain(add)).thenRejected(code: "duplicate_domain", field: "domain")
        let signingDomain = AddAgreementDomain(agreementID: Story.mouID, domain: "nuclear", addedOn: day("2026-03-01"))
        given(Story.foundation).when(.addAgreementDomain(signingDomain)).thenRejected(code: "duplicate_domain")
        let beforeSigning = AddAgreementDomain(agreementID: Story.mouID, domain: "health", addedOn: day("2025-12-01"))
        given(Story.foundation).when(.addAgreementDomain(beforeSigning))
            .thenRejected(code: "agreement_not_in_force", field: "addedOn")
    }

    func testTerminationIsOnceAndNotBeforeSigning() {
        let terminate = TerminateAgreement(
            agreementID: Story.mouID,
            terminatedOn: day("2028-06-30"),
            reason: "Replaced"
        )
        let terminated = AgreementTerminated(
            agreementID: Story.mouID,
            terminatedOn: day("2028-06-30"),
            reason: "Replaced"
        )
        given(Story.foundation).when(.terminateAgreement(terminate)).then([.agreementTerminated(terminated)])
        given(Story.foundation + [.agreementTerminated(terminated)]).when(.terminateAgreement(terminate))
            .thenRejected(code: "already_terminated")
        var early = terminate
        early.terminatedOn = day("2026-01-05")
        given(Story.foundation).when(.terminateAgreement(early)).thenRejected(
            code: "end_before_start",
            field: "terminatedOn"
        )
    }

    func testTerminationOnTheSigningDayIsAccepted() {
        var institutionsAndMou = Story.institutions
        institutionsAndMou.append(.agreementSigned(Story.mouSigned))
        let terminate = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2026-01-06"), reason: "Void")
        given(institutionsAndMou).when(.terminateAgreement(terminate))
            .then([
                .agreementTerminated(
                    AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2026-01-06"), reason: "Void")
                )
            ])
    }

    func testAnExpiredAgreementCannotBeTerminated() {
        let terminate = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2031-02-01"), reason: "Late")
        given(Story.foundation).when(.terminateAgreement(terminate))
            .thenRejected(code: "agreement_not_in_force", field: "terminatedOn")
    }

    func testTerminationComesAfterEveryActivityUnderTheAgreement() {
        let history = Story.foundation + [.secondmentStarted(Story.secondment("s1"))]
        let during = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2026-07-31"), reason: "Stop")
        given(history).when(.terminateAgreement(during))
            .thenRejected(code: "activity_after_termination", mentioning: ["secondment/s1", "2026-07-31"])
        let after = TerminateAgreement(agreementID: Story.mouID, terminatedOn: day("2026-08-01"), reason: "Stop")
        given(history).when(.terminateAgreement(after))
            .then([
                .agreementTerminated(
                    AgreementTerminated(agreementID: Story.mouID, terminatedOn: day("2026-08-01"), reason: "Stop")
                )
            ])
    }
}
