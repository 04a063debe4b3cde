/// A failure of the checkpoint side of Accord (signing key, checkpoint store, witness state): a stable `code`, a
/// message that says what to do, and the cause.
public struct TransparencyError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(code: String, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(message) [\(code)]" }
}
