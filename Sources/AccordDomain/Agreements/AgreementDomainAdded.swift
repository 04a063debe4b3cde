/// A scientific domain opened under an agreement after its signing.
public struct AgreementDomainAdded: Codable, Sendable, Equatable {
    public var agreementID: String
    public var domain: String
    /// Activities in this domain are possible from this day.
    public var addedOn: BusinessDate

    public init(agreementID: String, domain: String, addedOn: BusinessDate) {
        self.agreementID = agreementID
        self.domain = domain
        self.addedOn = addedOn
    }
}

extension AgreementDomainAdded: EventPayload {
    static let typeName = "AgreementDomainAdded"

    var streamID: String { StreamName.agreement(agreementID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(agreementID, field: "agreementID")
        try Check.identifier(domain, field: "domain")
    }
}
