/// How far a verification of the whole log has come, for `STATUS=` lines during a long start.
public struct VerificationProgress: Sendable, Equatable {
    public var recordsVerified: UInt64
    /// Bytes of the file verified so far, header included.
    public var bytesVerified: UInt64
    public var totalBytes: UInt64

    public init(recordsVerified: UInt64, bytesVerified: UInt64, totalBytes: UInt64) {
        self.recordsVerified = recordsVerified
        self.bytesVerified = bytesVerified
        self.totalBytes = totalBytes
    }
}
