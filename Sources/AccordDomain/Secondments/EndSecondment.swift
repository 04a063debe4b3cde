/// Request body of `secondment.end`.
public struct EndSecondment: Codable, Sendable, Equatable {
    public var secondmentID: String
    public var endedOn: BusinessDate
    public var outcome: String

    public init(secondmentID: String, endedOn: BusinessDate, outcome: String) {
        self.secondmentID = secondmentID
        self.endedOn = endedOn
        self.outcome = outcome
    }
}

extension EndSecondment: CommandPayload {
    static let commandName = "secondment.end"

    func streamID(in state: LedgerState) -> String { StreamName.secondment(secondmentID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .secondmentEnded(
            SecondmentEnded(
                secondmentID: secondmentID,
                endedOn: endedOn,
                outcome: outcome
            )
        )
    }
}
