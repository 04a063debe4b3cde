import Foundation

/// What comes in with a command besides its facts: the time the ledger learns it and who tells it.
/// The domain never reads a clock; `recordedAt` is stamped by the caller.
public struct CommandContext: Sendable {
    public var recordedAt: Date
    public var author: Author

    public init(recordedAt: Date, author: Author) {
        self.recordedAt = recordedAt
        self.author = author
    }
}
