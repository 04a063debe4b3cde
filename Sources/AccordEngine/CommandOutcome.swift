import AccordLog

/// What an accepted command produced. `replayed` marks a repeated request id: the events are the first ones.
public struct CommandOutcome: Sendable, Equatable {
    public var events: [StoredEvent]
    public var head: ChainHead
    public var replayed: Bool
}
