import AccordDomain
import AccordLog

/// An event read back from the log with the record's own fields.
public struct StoredEvent: Sendable, Equatable {
    public var recorded: RecordedEvent
    public var streamID: String
    public var requestID: String?
    public var previousHash: String
    public var hash: String
    /// The record itself, for its exact frame (export) and its extension entries (provenance).
    public var record: Record
}
