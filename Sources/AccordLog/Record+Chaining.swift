extension Record {
    /// Frames `draft` at `position` after `previousHash` exactly as the log file does: the same bytes, so the same
    /// hash. For stores that keep records somewhere other than a log file (memory, a database), so that one
    /// verifier and one chain apply to every store. Refuses a draft past `LogLimits`, like `LogWriter.enqueue`.
    public static func chained(
        _ draft: RecordDraft,
        position: UInt64,
        previousHash: [UInt8]
    ) throws(LogError) -> (bytes: [UInt8], record: Record) {
        try RecordFrame.validate(draft)
        return RecordFrame.encode(draft, position: position, previousHash: previousHash)
    }
}
