/// Why the daemon could not start or go on; the message says what to do.
struct DaemonError: Error, CustomStringConvertible {
    var code: String
    var message: String
    var cause: (any Error)?

    init(code: String, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    var description: String { "\(message) [\(code)]" }
}
