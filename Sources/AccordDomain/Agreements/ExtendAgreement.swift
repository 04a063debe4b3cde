/// Request body of `agreement.extend`.
public struct ExtendAgreement: Codable, Sendable, Equatable {
    public var agreementID: String
    /// The new last day in force, later than the current one.
    public var validUntil: BusinessDate

    public init(agreementID: String, validUntil: BusinessDate) {
        self.agreementID = agreementID
        self.validUntil = validUntil
    }
}

extension ExtendAgreement: CommandPayload {
    static let commandName = "agreement.extend"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreementID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .agreementExtended(
            AgreementExtended(
                agreementID: agreementID,
                validUntil: validUntil
            )
        )
    }
}
