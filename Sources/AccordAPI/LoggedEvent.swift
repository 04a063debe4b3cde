import AccordDomain
import Foundation

/// One event as the log holds it: the facts the client gave, and what the daemon added (position, recorded time,
/// author, stream, hashes).
public struct LoggedEvent: Codable, Sendable, Equatable {
    public var position: UInt64
    public var recordedAt: Date
    public var author: Author
    public var stream: String
    public var requestID: String?
    public var previousHash: String
    public var hash: String
    public var event: Event
    /// The record's exact bytes (its frame, docs/log-format.md section 4), base64; only when asked for
    /// (`GET /v1/events?frames=true`, which `accord export` uses), so that an importer can recompute its hash.
    public var frame: String?
    /// Where the record came from, when it was imported (`accordd --import`).
    public var importedFrom: ImportedFrom?

    public init(
        position: UInt64,
        recordedAt: Date,
        author: Author,
        stream: String,
        requestID: String?,
        previousHash: String,
        hash: String,
        event: Event,
        frame: String? = nil,
        importedFrom: ImportedFrom? = nil
    ) {
        self.position = position
        self.recordedAt = recordedAt
        self.author = author
        self.stream = stream
        self.requestID = requestID
        self.previousHash = previousHash
        self.hash = hash
        self.event = event
        self.frame = frame
        self.importedFrom = importedFrom
    }
}
