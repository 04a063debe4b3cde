/// Request body of `access.grant`.
public struct GrantAccess: Codable, Sendable, Equatable {
    public var grantID: String
    public var agreement: String
    public var granteeKind: GranteeKind
    /// A person id, or a team id.
    public var grantee: String
    /// Required for a team; for a person it defaults to (and must be) the person's home institution.
    public var granteeInstitution: String?
    public var site: String
    public var facility: String
    public var purpose: String
    public var validFrom: BusinessDate
    public var validUntil: BusinessDate
    public var domain: String?

    public init(
        grantID: String,
        agreement: String,
        granteeKind: GranteeKind,
        grantee: String,
        granteeInstitution: String? = nil,
        site: String,
        facility: String,
        purpose: String,
        validFrom: BusinessDate,
        validUntil: BusinessDate,
        domain: String? = nil
    ) {
        self.grantID = grantID
        self.agreement = agreement
        self.granteeKind = granteeKind
        self.grantee = grantee
        self.granteeInstitution = granteeInstitution
        self.site = site
        self.facility = facility
        self.purpose = purpose
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.domain = domain
    }
}

extension GrantAccess: CommandPayload {
    static let commandName = "access.grant"

    func streamID(in state: LedgerState) -> String { StreamName.grant(grantID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        let institution = try resolvedGranteeInstitution(in: state)
        return .infrastructureAccessGranted(
            InfrastructureAccessGranted(
                grantID: grantID,
                agreement: agreement,
                granteeKind: granteeKind,
                grantee: grantee,
                granteeInstitution: institution,
                site: site,
                facility: facility,
                purpose: purpose,
                validFrom: validFrom,
                validUntil: validUntil,
                domain: domain
            )
        )
    }
}

extension GrantAccess {
    /// A person grantee belongs to their home institution unless the request says otherwise (the rules then check
    /// it); a team has no registration, so it must name its institution.
    func resolvedGranteeInstitution(in state: LedgerState) throws(Rejection) -> String {
        if let granteeInstitution {
            return granteeInstitution
        }
        switch granteeKind {
        case .person:
            try Check.identifier(grantee, field: "grantee")
            return try state.person(grantee, field: "grantee").registered.homeInstitution
        case .team:
            throw Rejection.missingField("granteeInstitution", reason: "a team grantee must name its institution")
        }
    }
}
