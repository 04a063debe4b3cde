import AccordDomain
import Foundation

/// An imported record's place in the ledger it was exported from: its provenance extension entry
/// (docs/log-format.md section 4.4).
public struct ImportedFrom: Codable, Sendable, Equatable {
    public var position: UInt64
    public var recordedAt: Date
    public var author: Author
    public var hash: String

    public init(position: UInt64, recordedAt: Date, author: Author, hash: String) {
        self.position = position
        self.recordedAt = recordedAt
        self.author = author
        self.hash = hash
    }
}
