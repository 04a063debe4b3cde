/// Request body of `event.correct`: the full corrected event, of the original's type and entity.
public struct CorrectEvent: Codable, Sendable, Equatable {
    public var position: UInt64
    public var corrected: Event
    public var reason: String

    public init(position: UInt64, corrected: Event, reason: String) {
        self.position = position
        self.corrected = corrected
        self.reason = reason
    }
}

extension CorrectEvent: CommandPayload {
    static let commandName = "event.correct"

    func streamID(in state: LedgerState) -> String { state.streamOfTarget(position) ?? corrected.streamID }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .eventCorrected(
            EventCorrected(
                position: position,
                corrected: state.keepingPersonalDataReference(of: position, in: corrected),
                reason: reason
            )
        )
    }
}
