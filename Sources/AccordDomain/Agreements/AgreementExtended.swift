/// An agreement's last day in force moved later.
public struct AgreementExtended: Codable, Sendable, Equatable {
    public var agreementID: String
    /// The new last day in force.
    public var validUntil: BusinessDate

    public init(agreementID: String, validUntil: BusinessDate) {
        self.agreementID = agreementID
        self.validUntil = validUntil
    }
}

extension AgreementExtended: EventPayload {
    static let typeName = "AgreementExtended"

    var streamID: String { StreamName.agreement(agreementID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(agreementID, field: "agreementID")
    }
}
