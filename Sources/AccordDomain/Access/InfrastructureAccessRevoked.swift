/// A grant withdrawn before its end: it is no longer valid from `revokedOn`.
public struct InfrastructureAccessRevoked: Codable, Sendable, Equatable {
    public var grantID: String
    public var revokedOn: BusinessDate
    public var reason: String

    public init(grantID: String, revokedOn: BusinessDate, reason: String) {
        self.grantID = grantID
        self.revokedOn = revokedOn
        self.reason = reason
    }
}

extension InfrastructureAccessRevoked: EventPayload {
    static let typeName = "InfrastructureAccessRevoked"

    var streamID: String { StreamName.grant(grantID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(grantID, field: "grantID")
        try Check.text(reason, field: "reason")
    }
}
