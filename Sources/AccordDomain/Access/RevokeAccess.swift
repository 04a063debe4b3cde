/// Request body of `access.revoke`.
public struct RevokeAccess: Codable, Sendable, Equatable {
    public var grantID: String
    public var revokedOn: BusinessDate
    public var reason: String

    public init(grantID: String, revokedOn: BusinessDate, reason: String) {
        self.grantID = grantID
        self.revokedOn = revokedOn
        self.reason = reason
    }
}

extension RevokeAccess: CommandPayload {
    static let commandName = "access.revoke"

    func streamID(in state: LedgerState) -> String { StreamName.grant(grantID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .infrastructureAccessRevoked(
            InfrastructureAccessRevoked(
                grantID: grantID,
                revokedOn: revokedOn,
                reason: reason
            )
        )
    }
}
