import AccordDomain

/// An event read back from the log with the record's own fields.
public struct StoredEvent: Sendable, Equatable {
    public var recorded: RecordedEvent
    public var streamID: String
    public var requestID: String?
    public var previousHash: String
    public var hash: String
}
