import Foundation

/// When, by whom, why and on what legal basis a person's personal data was erased.
public struct ErasureView: Codable, Sendable, Equatable {
    public var position: UInt64
    public var erasedAt: Date
    /// The Unix user who erased it, as the daemon recorded.
    public var erasedBy: String
    public var reason: String
    public var legalBasis: String
}
