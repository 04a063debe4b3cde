/// Request headers that carry command metadata, kept apart from the command's own facts.
public enum HeaderNames {
    /// A client-chosen request id: repeating it with the same body returns the first result without appending.
    public static let idempotencyKey = "Idempotency-Key"
    /// The version (event count) the client expects the command's stream to have; a mismatch is a conflict.
    public static let expectedVersion = "Accord-Expected-Version"
}

extension HeaderNames {
    /// On a read model's answer: the position of the last event the answer reflects (the head, or the as-of asked).
    public static let position = "Accord-Position"
    /// On a read model's answer: when the event at `Accord-Position` was recorded.
    public static let positionRecorded = "Accord-Position-Recorded"
}

extension HeaderNames {
    /// On a kept-alive answer: `timeout=N`, the whole seconds the daemon keeps the connection open while idle.
    public static let keepAlive = "Keep-Alive"
}
