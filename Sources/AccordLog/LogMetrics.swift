import Metrics

/// What the log writer reports through swift-metrics (a no-op until the daemon bootstraps a metrics backend).
enum LogMetrics {
    static let appendedRecords = Counter(label: "accord_appended_events_total")
    static let synchronization = Timer(label: "accord_fsync_duration_seconds")
    static let groupCommitRecords = Recorder(label: "accord_group_commit_records", aggregate: true)

    /// One durable write round: its records, all covered by one fdatasync that took `synchronization`.
    static func recordRound(records: Int, synchronization duration: Duration) {
        appendedRecords.increment(by: records)
        groupCommitRecords.record(records)
        let (seconds, attoseconds) = duration.components
        synchronization.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
