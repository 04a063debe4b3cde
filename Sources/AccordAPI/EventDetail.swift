/// One fact of the log with the chain of what amended it: its corrections, oldest first, then its retraction.
public struct EventDetail: Codable, Sendable, Equatable {
    public var event: LoggedEvent
    public var amendments: [LoggedEvent]
    public var head: ChainHeadView

    public init(event: LoggedEvent, amendments: [LoggedEvent], head: ChainHeadView) {
        self.event = event
        self.amendments = amendments
        self.head = head
    }
}
