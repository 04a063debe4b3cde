extension LedgerEngine {
    /// Waits until an event past `position` is durable and returns the new head's position; for followers of the
    /// log. Returns early, with the head as it stands, if the task is cancelled.
    public func waitForEvents(beyond position: UInt64) async -> UInt64 {
        await headWatch.wait(beyond: position)
    }
}
