/// A running secondment's planned end moved later.
public struct SecondmentExtended: Codable, Sendable, Equatable {
    public var secondmentID: String
    /// The new last day planned at the host.
    public var plannedEnd: BusinessDate

    public init(secondmentID: String, plannedEnd: BusinessDate) {
        self.secondmentID = secondmentID
        self.plannedEnd = plannedEnd
    }
}

extension SecondmentExtended: EventPayload {
    static let typeName = "SecondmentExtended"

    var streamID: String { StreamName.secondment(secondmentID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(secondmentID, field: "secondmentID")
    }
}
