/// Access to one facility of a site, for a person or a team, over a date range.
public struct InfrastructureAccessGranted: Codable, Sendable, Equatable {
    public var grantID: String
    public var agreement: String
    public var granteeKind: GranteeKind
    /// A person id, or a team id chosen by the grant.
    public var grantee: String
    /// The person's home institution, or the team's institution.
    public var granteeInstitution: String
    public var site: String
    public var facility: String
    public var purpose: String
    public var validFrom: BusinessDate
    /// The last valid day; the grant expires after it.
    public var validUntil: BusinessDate
    /// The agreement domain the access serves, when it is one.
    public var domain: String?

    public init(
        grantID: String,
        agreement: String,
        granteeKind: GranteeKind,
        grantee: String,
        granteeInstitution: String,
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

extension InfrastructureAccessGranted: EventPayload {
    static let typeName = "InfrastructureAccessGranted"

    var streamID: String { StreamName.grant(grantID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(grantID, field: "grantID")
        try Check.identifier(agreement, field: "agreement")
        try Check.identifier(grantee, field: "grantee")
        try Check.identifier(granteeInstitution, field: "granteeInstitution")
        try Check.identifier(site, field: "site")
        try Check.identifier(facility, field: "facility")
        try Check.text(purpose, field: "purpose")
        try Check.order(start: validFrom, end: validUntil, startField: "validFrom", endField: "validUntil")
        if let domain {
            try Check.identifier(domain, field: "domain")
        }
    }
}
