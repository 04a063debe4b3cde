import SystemPackage

/// What `LogWriter.open` did with a record torn at the tail of the log.
public struct TornTailRecovery: Sendable, Equatable, CustomStringConvertible {
    /// The position the torn record would have had.
    public var position: UInt64
    /// Byte offset where the torn bytes started; the log was truncated to this size.
    public var offset: UInt64
    public var byteCount: UInt64
    /// The file, next to the log, that now holds exactly the torn bytes.
    public var setAsidePath: FilePath
    /// Why the bytes were not a whole record, e.g. "incomplete frame: 57 of its 130 bytes are present".
    public var reason: String

    public var description: String {
        "the log ended with a torn record (position \(position), \(byteCount) bytes at byte offset \(offset): "
            + "\(reason)); those bytes were moved to \(setAsidePath) and the log was truncated to \(offset) bytes"
    }
}
