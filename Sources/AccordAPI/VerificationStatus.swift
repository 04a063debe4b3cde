/// What `GET /v1/verification` answers: how far a running verification has read, and the last result.
public struct VerificationStatus: Codable, Sendable, Equatable {
    public struct Progress: Codable, Sendable, Equatable {
        public var recordsVerified: UInt64
        public var bytesVerified: UInt64
        public var totalBytes: UInt64

        public init(recordsVerified: UInt64, bytesVerified: UInt64, totalBytes: UInt64) {
            self.recordsVerified = recordsVerified
            self.bytesVerified = bytesVerified
            self.totalBytes = totalBytes
        }
    }

    public var inProgress: Progress?
    public var last: VerificationReport?

    public init(inProgress: Progress?, last: VerificationReport?) {
        self.inProgress = inProgress
        self.last = last
    }
}
