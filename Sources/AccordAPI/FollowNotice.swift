/// The last line of a followed log when the daemon ends the stream itself (the follower was too slow for its
/// bounded buffer): every event before `resumeFrom` was sent; follow again from there to miss nothing.
public struct FollowNotice: Codable, Sendable, Equatable {
    public var resumeFrom: UInt64
    public var code: String
    public var message: String

    public init(resumeFrom: UInt64, code: String, message: String) {
        self.resumeFrom = resumeFrom
        self.code = code
        self.message = message
    }
}
