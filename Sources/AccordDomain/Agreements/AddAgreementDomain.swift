/// Request body of `agreement.add-domain`.
public struct AddAgreementDomain: Codable, Sendable, Equatable {
    public var agreementID: String
    public var domain: String
    public var addedOn: BusinessDate

    public init(agreementID: String, domain: String, addedOn: BusinessDate) {
        self.agreementID = agreementID
        self.domain = domain
        self.addedOn = addedOn
    }
}

extension AddAgreementDomain: CommandPayload {
    static let commandName = "agreement.add-domain"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreementID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .agreementDomainAdded(
            AgreementDomainAdded(
                agreementID: agreementID,
                domain: domain,
                addedOn: addedOn
            )
        )
    }
}
