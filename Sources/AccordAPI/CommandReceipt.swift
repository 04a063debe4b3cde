/// The answer to an accepted command: the events it appended (durable: fdatasync returned) and the chain head.
/// `replayed` is true when the request id had been seen with the same body: nothing new was appended.
public struct CommandReceipt: Codable, Sendable, Equatable {
    public var command: String
    public var events: [LoggedEvent]
    public var head: ChainHeadView
    public var replayed: Bool

    public init(command: String, events: [LoggedEvent], head: ChainHeadView, replayed: Bool) {
        self.command = command
        self.events = events
        self.head = head
        self.replayed = replayed
    }
}
