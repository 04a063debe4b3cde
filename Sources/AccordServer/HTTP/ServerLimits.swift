import AccordAPI

/// Every input has a limit; these are the server's. docs/security.md lists them with their defaults.
public struct ServerLimits: Sendable, Equatable {
    /// Largest request body accepted; a larger announced Content-Length is answered 413 before any of it is read.
    public var maximumBodyBytes: Int
    /// Largest body of a batch (`POST /v1/batch`, up to 1,000 commands), refused like `maximumBodyBytes` but with
    /// `batch_too_large`: the default leaves about 4 KiB to each of 1,000 commands.
    public var maximumBatchBodyBytes: Int = 4 * 1024 * 1024
    /// Connections served at once; past it new connections get 503 and are closed.
    public var maximumConnections: Int
    /// Connections one user (uid) may hold at once, so that one local account cannot take every slot.
    public var maximumConnectionsPerUser: Int
    /// How long a connection may stay silent between requests before it is closed.
    public var idleTimeoutMilliseconds: Int64
    /// From a request's first byte to the end of its head; past it the answer is 408 and the connection closes.
    public var headTimeoutMilliseconds: Int64
    /// From the end of a request's head to the end of its body; past it the answer is 408 and the connection closes.
    public var bodyTimeoutMilliseconds: Int64
    /// Largest request head (request line and header fields); past it the answer is 431.
    public var maximumHeaderBytes: Int
    /// Most header fields in one request; past it the answer is 431.
    public var maximumHeaderCount: Int
    /// How long shutdown waits for in-flight requests before closing their connections.
    public var shutdownGraceMilliseconds: Int64
    /// How long a streamed answer waits for its peer to take one chunk before the peer is told where to resume
    /// and disconnected (a follower too slow for its bounded buffer).
    public var streamStallTimeoutMilliseconds: Int64 = 10_000
    /// Followers of the log (`GET /v1/events?follow=true`) served at once; past it the answer is 503.
    public var maximumFollowers: Int = 64

    public init(
        maximumBodyBytes: Int = 64 * 1024,
        maximumConnections: Int = 256,
        maximumConnectionsPerUser: Int = 64,
        shutdownGraceMilliseconds: Int64 = 10_000,
        idleTimeoutMilliseconds: Int64 = 60_000,
        headTimeoutMilliseconds: Int64 = 10_000,
        bodyTimeoutMilliseconds: Int64 = 30_000,
        maximumHeaderBytes: Int = 16 * 1024,
        maximumHeaderCount: Int = 64
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConnections = maximumConnections
        self.maximumConnectionsPerUser = maximumConnectionsPerUser
        self.shutdownGraceMilliseconds = shutdownGraceMilliseconds
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
        self.headTimeoutMilliseconds = headTimeoutMilliseconds
        self.bodyTimeoutMilliseconds = bodyTimeoutMilliseconds
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumHeaderCount = maximumHeaderCount
    }

    /// The body limit of a request to `uri`: a batch's own, or every other request's.
    func maximumBodyBytes(uri: String) -> Int {
        ServerLimits.isBatch(uri) ? maximumBatchBodyBytes : maximumBodyBytes
    }

    static func isBatch(_ uri: String) -> Bool {
        uri.prefix { $0 != "?" } == BatchRoute.path
    }
}
