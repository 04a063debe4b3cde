import XCTest

@testable import AccordDomain

final class AccessDeciderTests: XCTestCase {
    private let history = Story.foundation

    func testGrantingAccessToAPersonFillsTheirInstitution() {
        given(history).when(.grantAccess(Story.grantAccess("g1"))).then([
            .infrastructureAccessGranted(Story.grant("g1"))
        ])
    }

    func testAGrantIdIsUnique() {
        given(history + [.infrastructureAccessGranted(Story.grant("g1"))]).when(.grantAccess(Story.grantAccess("g1")))
            .thenRejected(code: "duplicate_id", field: "grantID")
    }

    func testAPersonGranteeMustBeKnownAndOfTheGivenInstitution() {
        given(history).when(.grantAccess(Story.grantAccess("g1", grantee: "zoe")))
            .thenRejected(code: "unknown_person", field: "grantee", mentioning: ["\"zoe\""])
        var wrong = Story.grantAccess("g1")
        wrong.granteeInstitution = "jrc"
        given(history).when(.grantAccess(wrong)).thenRejected(
            code: "home_institution_mismatch",
            field: "granteeInstitution"
        )
    }

    func testATeamGranteeNamesAKnownInstitution() {
        var team = Story.grantAccess("g1", grantee: "shs-ethics-team")
        team.granteeKind = .team
        given(history).when(.grantAccess(team)).thenRejected(code: "missing_field", field: "granteeInstitution")
        team.granteeInstitution = "inria"
        given(history).when(.grantAccess(team)).thenRejected(code: "unknown_institution", field: "granteeInstitution")
        team.granteeInstitution = "cnrs"
        var expected = Story.grant("g1", grantee: "shs-ethics-team")
        expected.granteeKind = .team
        given(history).when(.grantAccess(team)).then([.infrastructureAccessGranted(expected)])
    }

    func testTheSiteAndFacilityMustExist() {
        given(history).when(.grantAccess(Story.grantAccess("g1", site: "frascati")))
            .thenRejected(code: "unknown_site", field: "site")
        given(history).when(.grantAccess(Story.grantAccess("g1", facility: "synchrotron")))
            .thenRejected(code: "unknown_facility", field: "facility", mentioning: ["neutron-time-of-flight"])
    }

    func testTheGranteeAndSiteInstitutionsMustBeParties() {
        given(history).when(.grantAccess(Story.grantAccess("g1", grantee: "dora")))
            .thenRejected(code: "party_not_in_agreement", field: "granteeInstitution")
        given(history).when(.grantAccess(Story.grantAccess("g1", site: "saclay", facility: "reactor")))
            .thenRejected(code: "party_not_in_agreement", field: "site", mentioning: ["\"cea\""])
    }

    func testTheAgreementMustBeInForceOverTheValidity() {
        given(history).when(.grantAccess(Story.grantAccess("g1", from: "2025-12-01", to: "2026-03-01")))
            .thenRejected(code: "agreement_not_in_force", field: "validFrom")
        given(history).when(.grantAccess(Story.grantAccess("g1", from: "2030-12-01", to: "2031-03-01")))
            .thenRejected(code: "agreement_not_in_force", field: "validUntil")
        given(history).when(.grantAccess(Story.grantAccess("g1", from: "2026-05-01", to: "2026-04-01")))
            .thenRejected(code: "end_before_start", field: "validUntil")
    }

    func testTheDomainOfAGrantMustBeOpen() {
        var command = Story.grantAccess("g1")
        command.domain = "health"
        given(history).when(.grantAccess(command)).thenRejected(code: "domain_not_in_agreement", field: "domain")
    }

    func testOnlyAGrantValidOnTheDayCanBeRevoked() {
        let granted = history + [.infrastructureAccessGranted(Story.grant("g1", from: "2026-03-01", to: "2026-08-31"))]
        let revoke = RevokeAccess(grantID: "g1", revokedOn: day("2026-08-31"), reason: "Safety incident")
        given(granted).when(.revokeAccess(revoke))
            .then([
                .infrastructureAccessRevoked(
                    InfrastructureAccessRevoked(grantID: "g1", revokedOn: day("2026-08-31"), reason: "Safety incident")
                )
            ])
        var before = revoke
        before.revokedOn = day("2026-02-28")
        given(granted).when(.revokeAccess(before)).thenRejected(code: "grant_not_valid", mentioning: ["2026-03-01"])
        var expired = revoke
        expired.revokedOn = day("2026-09-01")
        given(granted).when(.revokeAccess(expired)).thenRejected(code: "grant_not_valid", mentioning: ["expired"])
        let revoked =
            granted + [
                .infrastructureAccessRevoked(
                    InfrastructureAccessRevoked(grantID: "g1", revokedOn: day("2026-05-01"), reason: "Done")
                )
            ]
        given(revoked).when(.revokeAccess(revoke)).thenRejected(
            code: "grant_not_valid",
            mentioning: ["already revoked"]
        )
        var unknown = revoke
        unknown.grantID = "g9"
        given(granted).when(.revokeAccess(unknown)).thenRejected(code: "unknown_grant", field: "grantID")
    }
}
