/// Every failure of the log, as a value: a stable `code` for programs, a `message` that tells a person what
/// happened and what to do, and where it happened when that is known.
public struct LogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifier, e.g. `log_chain_broken`. Programs match on this, never on `message`.
    public var code: String
    /// What happened and what to do about it.
    public var message: String
    /// The record position concerned, when there is one.
    public var position: UInt64?
    /// The byte offset in the log file concerned, when there is one.
    public var offset: UInt64?
    /// The operating-system error number, when a system call failed.
    public var errno: Int32?

    public init(code: String, message: String, position: UInt64? = nil, offset: UInt64? = nil, errno: Int32? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.offset = offset
        self.errno = errno
    }

    /// Whether the code says the log's content cannot be trusted as it is (see `LogErrorCode.untrustedData`).
    public var meansUntrustedData: Bool { LogErrorCode.untrustedData.contains(code) }

    public var description: String {
        var details: [String] = []
        if let position { details.append("position \(position)") }
        if let offset { details.append("byte offset \(offset)") }
        if let errno { details.append("errno \(errno)") }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        return "\(code): \(message)\(suffix)"
    }
}
