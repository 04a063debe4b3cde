/// The answer to an accepted command: the events it appended (durable: fdatasync returned) and the chain head.
/// `replayed` is true when the request id had been seen with the same body: nothing new was appended.
/// `warning` is what is left to do although the events are recorded (the 202 of an erasure whose personal-data file
/// could not be removed yet: `personal_data_not_erased`).
public struct CommandReceipt: Codable, Sendable, Equatable {
    public var command: String
    public var events: [LoggedEvent]
    public var head: ChainHeadView
    public var replayed: Bool
    public var warning: APIError?

    public init(command: String, events: [LoggedEvent], head: ChainHeadView, replayed: Bool, warning: APIError? = nil) {
        self.command = command
        self.events = events
        self.head = head
        self.replayed = replayed
        self.warning = warning
    }
}
