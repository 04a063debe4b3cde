/// Request body of `agreement.sign`.
public struct SignAgreement: Codable, Sendable, Equatable {
    public var agreementID: String
    public var title: String
    public var kind: AgreementKind
    public var parties: [String]
    public var signedOn: BusinessDate
    public var domains: [String]
    /// Omit for an agreement without end date.
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

extension SignAgreement: CommandPayload {
    static let commandName = "agreement.sign"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreementID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .agreementSigned(
            AgreementSigned(
                agreementID: agreementID,
                title: title,
                kind: kind,
                parties: parties,
                signedOn: signedOn,
                domains: domains,
                validUntil: validUntil
            )
        )
    }
}
