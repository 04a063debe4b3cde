/// Request body of `agreement.terminate`.
public struct TerminateAgreement: Codable, Sendable, Equatable {
    public var agreementID: String
    public var terminatedOn: BusinessDate
    public var reason: String

    public init(agreementID: String, terminatedOn: BusinessDate, reason: String) {
        self.agreementID = agreementID
        self.terminatedOn = terminatedOn
        self.reason = reason
    }
}

extension TerminateAgreement: CommandPayload {
    static let commandName = "agreement.terminate"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreementID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .agreementTerminated(
            AgreementTerminated(
                agreementID: agreementID,
                terminatedOn: terminatedOn,
                reason: reason
            )
        )
    }
}
