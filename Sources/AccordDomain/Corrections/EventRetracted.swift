/// An earlier event declared void: read models treat it as if it never happened.
public struct EventRetracted: Codable, Sendable, Equatable {
    /// The position of the event retracted.
    public var position: UInt64
    /// The stream of the event retracted, set by the ledger so the retraction sits on it.
    public var stream: String
    public var reason: String

    public init(position: UInt64, stream: String, reason: String) {
        self.position = position
        self.stream = stream
        self.reason = reason
    }
}

extension EventRetracted: EventPayload {
    static let typeName = "EventRetracted"

    var streamID: String { stream }

    func checkFields() throws(Rejection) {
        try Check.text(reason, field: "reason")
    }
}
