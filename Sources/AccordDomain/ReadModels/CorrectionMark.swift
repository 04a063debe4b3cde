/// A correction or retraction that changed an entity's facts: where it stands in the log and why it was made.
public struct CorrectionMark: Codable, Sendable, Equatable {
    public var position: UInt64
    public var reason: String

    public init(position: UInt64, reason: String) {
        self.position = position
        self.reason = reason
    }
}
