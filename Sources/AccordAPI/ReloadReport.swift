/// What `POST /v1/reload` answers once the re-read configuration is in force (`systemctl reload accordd` runs
/// `accord reload`, which waits for this answer).
public struct ReloadReport: Codable, Sendable, Equatable {
    /// The one path of the reload route, for the daemon and its clients.
    public static let path = "/v1/reload"

    /// The file read, or nil when none exists and the defaults apply.
    public var configurationFile: String?
    /// The access policy file re-read with it, or nil when the default groups give the roles.
    public var policyFile: String?
    public var logLevel: String
    public var maximumBodyBytes: Int
    public var maximumConnections: Int
    public var idleTimeoutMilliseconds: Int64
    public var shutdownGraceMilliseconds: Int64

    public init(
        configurationFile: String?,
        policyFile: String? = nil,
        logLevel: String,
        maximumBodyBytes: Int,
        maximumConnections: Int,
        idleTimeoutMilliseconds: Int64,
        shutdownGraceMilliseconds: Int64
    ) {
        self.configurationFile = configurationFile
        self.policyFile = policyFile
        self.logLevel = logLevel
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConnections = maximumConnections
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
        self.shutdownGraceMilliseconds = shutdownGraceMilliseconds
    }
}
