/// An agreement ended before (or without) its validity end.
public struct AgreementTerminated: Codable, Sendable, Equatable {
    public var agreementID: String
    /// The first day the agreement is no longer in force.
    public var terminatedOn: BusinessDate
    public var reason: String

    public init(agreementID: String, terminatedOn: BusinessDate, reason: String) {
        self.agreementID = agreementID
        self.terminatedOn = terminatedOn
        self.reason = reason
    }
}

extension AgreementTerminated: EventPayload {
    static let typeName = "AgreementTerminated"

    var streamID: String { StreamName.agreement(agreementID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(agreementID, field: "agreementID")
        try Check.text(reason, field: "reason")
    }
}
