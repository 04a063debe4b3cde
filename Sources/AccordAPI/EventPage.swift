/// A page of the event log, oldest first (newest first with `reverse=true`). `nextPosition` is where the next page
/// starts; nil at the head (at position 1 when reading in reverse).
public struct EventPage: Codable, Sendable, Equatable {
    public var events: [LoggedEvent]
    public var nextPosition: UInt64?
    public var head: ChainHeadView

    public init(events: [LoggedEvent], nextPosition: UInt64?, head: ChainHeadView) {
        self.events = events
        self.nextPosition = nextPosition
        self.head = head
    }
}
