/// Whether the daemon can do its job, as `GET /v1/status` reports it and `accord status` exits on it.
public struct HealthReport: Codable, Sendable, Equatable {
    /// `ok`, `failed` (a write or fdatasync failed: nothing more is accepted until a restart) or `waiting` (an
    /// append has waited on the disk longer than the threshold).
    public var writer: String
    /// Free and total bytes of the file system holding the data directory.
    public var diskFreeBytes: UInt64
    public var diskTotalBytes: UInt64
    /// What is wrong, each with what to do; empty when healthy.
    public var problems: [String]
    /// The last check of every personal-data file (at most a minute old; absent until the first, which the first
    /// status request starts, has ended): files checked, how many are damaged, when.
    public var personalDataFiles: Int?
    public var personalDataDamaged: Int?
    public var personalDataCheckedAt: String?

    public var healthy: Bool { problems.isEmpty }

    public init(writer: String, diskFreeBytes: UInt64, diskTotalBytes: UInt64, problems: [String]) {
        self.writer = writer
        self.diskFreeBytes = diskFreeBytes
        self.diskTotalBytes = diskTotalBytes
        self.problems = problems
    }
}
