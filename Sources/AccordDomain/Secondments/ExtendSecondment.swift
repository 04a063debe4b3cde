/// Request body of `secondment.extend`.
public struct ExtendSecondment: Codable, Sendable, Equatable {
    public var secondmentID: String
    /// The new planned end, later than the current one.
    public var plannedEnd: BusinessDate

    public init(secondmentID: String, plannedEnd: BusinessDate) {
        self.secondmentID = secondmentID
        self.plannedEnd = plannedEnd
    }
}

extension ExtendSecondment: CommandPayload {
    static let commandName = "secondment.extend"

    func streamID(in state: LedgerState) -> String { StreamName.secondment(secondmentID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .secondmentExtended(
            SecondmentExtended(
                secondmentID: secondmentID,
                plannedEnd: plannedEnd
            )
        )
    }
}
