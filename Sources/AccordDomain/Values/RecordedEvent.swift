import Foundation

/// An event as it stands in the log: the business facts plus what only the daemon sets.
public struct RecordedEvent: Codable, Sendable, Equatable {
    public var position: UInt64
    public var recordedAt: Date
    public var author: Author
    public var event: Event

    public init(position: UInt64, recordedAt: Date, author: Author, event: Event) {
        self.position = position
        self.recordedAt = recordedAt
        self.author = author
        self.event = event
    }
}
