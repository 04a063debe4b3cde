/// A secondment's actual end, on or before its planned end.
public struct SecondmentEnded: Codable, Sendable, Equatable {
    public var secondmentID: String
    /// The last day actually spent at the host.
    public var endedOn: BusinessDate
    public var outcome: String

    public init(secondmentID: String, endedOn: BusinessDate, outcome: String) {
        self.secondmentID = secondmentID
        self.endedOn = endedOn
        self.outcome = outcome
    }
}

extension SecondmentEnded: EventPayload {
    static let typeName = "SecondmentEnded"

    var streamID: String { StreamName.secondment(secondmentID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(secondmentID, field: "secondmentID")
        try Check.text(outcome, field: "outcome")
    }
}
