/// Request body of `event.retract`.
public struct RetractEvent: Codable, Sendable, Equatable {
    public var position: UInt64
    public var reason: String

    public init(position: UInt64, reason: String) {
        self.position = position
        self.reason = reason
    }
}

extension RetractEvent: CommandPayload {
    static let commandName = "event.retract"

    func streamID(in state: LedgerState) -> String {
        state.streamOfTarget(position) ?? StreamName.position(position)
    }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        guard let stream = state.streamOfTarget(position) else {
            throw Rejection.unknownPosition(position, lastPosition: state.lastPosition)
        }
        return .eventRetracted(EventRetracted(position: position, stream: stream, reason: reason))
    }
}
