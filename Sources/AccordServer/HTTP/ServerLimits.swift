/// Every input has a limit; these are the server's.
public struct ServerLimits: Sendable, Equatable {
    /// Largest request body accepted; past it the answer is 413 and the connection closes.
    public var maximumBodyBytes: Int
    /// Connections served at once; past it new connections get 503 and are closed.
    public var maximumConnections: Int
    /// How long a connection may stay silent before it is closed.
    public var idleTimeoutMilliseconds: Int64
    /// How long shutdown waits for in-flight requests before closing their connections.
    public var shutdownGraceMilliseconds: Int64
    /// How long a streamed answer waits for its peer to take one chunk before the peer is told where to resume
    /// and disconnected (a follower too slow for its bounded buffer).
    public var streamStallTimeoutMilliseconds: Int64 = 10_000

    public init(
        maximumBodyBytes: Int = 64 * 1024,
        maximumConnections: Int = 256,
        shutdownGraceMilliseconds: Int64 = 10_000,
        idleTimeoutMilliseconds: Int64 = 60_000
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConnections = maximumConnections
        self.shutdownGraceMilliseconds = shutdownGraceMilliseconds
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
    }
}
