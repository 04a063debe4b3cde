/// New facts for an earlier event: read models use them in place of the original's.
///
/// The corrected event has the original's type and entity; a correction itself cannot be corrected.
public struct EventCorrected: Codable, Sendable, Equatable {
    /// The position of the event corrected.
    public var position: UInt64
    public var corrected: Event
    public var reason: String

    public init(position: UInt64, corrected: Event, reason: String) {
        self.position = position
        self.corrected = corrected
        self.reason = reason
    }
}

extension EventCorrected: EventPayload {
    static let typeName = "EventCorrected"

    var streamID: String { corrected.streamID }

    func checkFields() throws(Rejection) {
        try Check.text(reason, field: "reason")
        try corrected.checkFields()
    }
}
