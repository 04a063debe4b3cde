/// What `GET /v1/status` answers.
public struct StatusReport: Codable, Sendable, Equatable {
    public var version: String
    public var head: ChainHeadView
    public var eventCount: UInt64
    public var startedAt: String
    public var uptimeSeconds: Int64
    public var dataDirectory: String
    public var logFile: String
    public var logBytes: UInt64
    public var connections: Int
    /// The latest signed checkpoint; nil before the first.
    public var latestCheckpoint: CheckpointSummary?
    /// The last verification on demand since the daemon started; nil before the first.
    public var lastVerification: VerificationReport?
    /// Present while appends are refused because the data folder's file system is full; reads go on.
    public var appendsRefused: String?

    public init(
        version: String,
        head: ChainHeadView,
        eventCount: UInt64,
        startedAt: String,
        uptimeSeconds: Int64,
        dataDirectory: String,
        logFile: String,
        logBytes: UInt64,
        connections: Int,
        latestCheckpoint: CheckpointSummary? = nil,
        lastVerification: VerificationReport? = nil,
        appendsRefused: String? = nil
    ) {
        self.version = version
        self.head = head
        self.eventCount = eventCount
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.dataDirectory = dataDirectory
        self.logFile = logFile
        self.logBytes = logBytes
        self.connections = connections
        self.latestCheckpoint = latestCheckpoint
        self.lastVerification = lastVerification
        self.appendsRefused = appendsRefused
    }
}
