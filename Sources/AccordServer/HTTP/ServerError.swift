/// Why the server could not start or keep listening; the message says what to do.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var cause: (any Error)?

    public init(code: String, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(message) (\(code): \(cause))" }
        return "\(message) (\(code))"
    }
}
