/// How far a start has come through the log, for systemd's STATUS= and start-timeout extensions.
public struct ReplayProgress: Sendable, Equatable {
    public var recordsRead: UInt64
    public var bytesRead: UInt64

    public init(recordsRead: UInt64, bytesRead: UInt64) {
        self.recordsRead = recordsRead
        self.bytesRead = bytesRead
    }
}
