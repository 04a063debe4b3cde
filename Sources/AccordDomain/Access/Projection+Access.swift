extension Projection {
    func checkGrant(_ event: InfrastructureAccessGranted) throws(Rejection) {
        try checkUnused(grants[event.grantID], kind: .grant, id: event.grantID, field: "grantID")
        let agreementRecord = try agreement(event.agreement, field: "agreement")
        let siteRecord = try site(event.site, field: "site")
        guard siteRecord.registered.facilities.contains(event.facility) else {
            throw Rejection.unknownFacility(
                event.facility,
                site: event.site,
                facilities: siteRecord.registered.facilities
            )
        }
        switch event.granteeKind {
        case .person:
            let personRecord = try person(event.grantee, field: "grantee")
            guard personRecord.registered.homeInstitution == event.granteeInstitution else {
                throw Rejection.homeInstitutionMismatch(
                    person: event.grantee,
                    registered: personRecord.registered.homeInstitution,
                    given: event.granteeInstitution,
                    field: "granteeInstitution"
                )
            }
        case .team:
            _ = try institution(event.granteeInstitution, field: "granteeInstitution")
        }
        try agreementRecord.checkParty(event.granteeInstitution, field: "granteeInstitution")
        try agreementRecord.checkParty(siteRecord.registered.institution, field: "site")
        try agreementRecord.checkInForce(
            from: event.validFrom,
            to: event.validUntil,
            startField: "validFrom",
            endField: "validUntil"
        )
        if let domain = event.domain {
            try agreementRecord.checkDomain(domain, on: event.validFrom, field: "domain")
        }
    }

    /// Only a grant valid on the revocation day can be revoked: not before it starts, not after it expired,
    /// not twice.
    func checkRevocation(_ event: InfrastructureAccessRevoked) throws(Rejection) {
        let record = try grant(event.grantID, field: "grantID")
        if let revocation = record.revocation {
            throw Rejection.grantNotValid(
                event.grantID,
                on: event.revokedOn,
                reason: "it was already revoked on \(revocation.revokedOn)"
            )
        }
        if event.revokedOn < record.granted.validFrom {
            throw Rejection.grantNotValid(
                event.grantID,
                on: event.revokedOn,
                reason: "it is valid only from \(record.granted.validFrom)"
            )
        }
        if record.granted.validUntil < event.revokedOn {
            throw Rejection.grantNotValid(
                event.grantID,
                on: event.revokedOn,
                reason: "it expired after \(record.granted.validUntil)"
            )
        }
    }

    mutating func applyGrant(_ event: InfrastructureAccessGranted, position: UInt64) {
        grants[event.grantID] = GrantRecord(granted: event, position: position)
        agreements[event.agreement]?.grants.append(event.grantID)
        sites[event.site]?.grants.append(event.grantID)
        if event.granteeKind == .person {
            people[event.grantee]?.grants.append(event.grantID)
        }
    }
}
