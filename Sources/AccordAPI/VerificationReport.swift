/// What a verification of the whole log checked and found (`POST /v1/verification`, `accord verify`).
public struct VerificationReport: Codable, Sendable, Equatable {
    /// Records read and verified (CRC-32C, positions, hash chain), from the first.
    public var records: UInt64
    /// Bytes of record frames read: the log file's, or a store's (PostgreSQL) rows.
    public var bytes: UInt64
    /// Merkle root over the verified records, base64.
    public var root: String
    /// Checkpoints whose signature and root were checked.
    public var checkpointsChecked: Int
    /// The tree size of the latest checkpoint, if there is one.
    public var latestCheckpointSize: UInt64?
    /// When the verification finished (ISO 8601, by the verifier's clock).
    public var finishedAt: String
    public var findings: [VerificationFinding]

    public init(
        records: UInt64,
        bytes: UInt64,
        root: String,
        checkpointsChecked: Int,
        latestCheckpointSize: UInt64?,
        finishedAt: String,
        findings: [VerificationFinding]
    ) {
        self.records = records
        self.bytes = bytes
        self.root = root
        self.checkpointsChecked = checkpointsChecked
        self.latestCheckpointSize = latestCheckpointSize
        self.finishedAt = finishedAt
        self.findings = findings
    }

    /// The worst finding's grade, or nil when there is none.
    public var worstGrade: VerificationFinding.Grade? { findings.map(\.grade).max() }

    /// "clean", or the worst grade.
    public var result: String { worstGrade.map(\.rawValue) ?? "clean" }
}
