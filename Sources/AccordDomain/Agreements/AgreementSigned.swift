/// An agreement signed by two or more institutions, open on some scientific domains.
public struct AgreementSigned: Codable, Sendable, Equatable {
    public var agreementID: String
    public var title: String
    public var kind: AgreementKind
    /// At least two distinct institutions.
    public var parties: [String]
    /// The agreement is in force from this day.
    public var signedOn: BusinessDate
    /// Domain ids open from the signing day (`nuclear`); more can be added later.
    public var domains: [String]
    /// The last day in force; `nil` for an agreement without end date.
    public var validUntil: BusinessDate?

    public init(
        agreementID: String,
        title: String,
        kind: AgreementKind,
        parties: [String],
        signedOn: BusinessDate,
        domains: [String],
        validUntil: BusinessDate? = nil
    ) {
        self.agreementID = agreementID
        self.title = title
        self.kind = kind
        self.parties = parties
        self.signedOn = signedOn
        self.domains = domains
        self.validUntil = validUntil
    }
}

extension AgreementSigned: EventPayload {
    static let typeName = "AgreementSigned"

    var streamID: String { StreamName.agreement(agreementID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(agreementID, field: "agreementID")
        try Check.text(title, field: "title")
        try Check.identifiers(parties, field: "parties")
        try Check.identifiers(domains, field: "domains")
        try Check.nonEmpty(domains, field: "domains")
        if let validUntil {
            try Check.order(start: signedOn, end: validUntil, startField: "signedOn", endField: "validUntil")
        }
    }
}
