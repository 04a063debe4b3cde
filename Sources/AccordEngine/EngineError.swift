import AccordDomain
import AccordLog

/// Why the engine did not record a command, or cannot go on. Every case says what to do.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The domain refused the command: a rule, a conflict, an unknown id. Nothing was appended.
        case rejected(Rejection)
        /// The request id was used before with a different body.
        case requestIDReused
        /// The request id belongs to a command still being written; its first result is not known yet.
        case requestInProgress
        /// Something in the request outside the domain (personal data, the request id) breaks a limit.
        case invalidRequest(field: String)
        /// The log could not be written or read; the command was not acknowledged.
        case storage
    }

    public var kind: Kind
    public var code: String
    public var message: String
    public var cause: (any Error & Sendable)?
    /// The ledger's files cannot be trusted as they are (a damaged log, a log missing beside its personal data, a
    /// record this build cannot read): restarting cannot help, an operator must look.
    public var meansUntrustedData: Bool

    public init(
        kind: Kind,
        code: String,
        message: String,
        cause: (any Error & Sendable)? = nil,
        meansUntrustedData: Bool = false
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.cause = cause
        self.meansUntrustedData = meansUntrustedData
    }

    static func rejected(_ rejection: Rejection) -> EngineError {
        EngineError(kind: .rejected(rejection), code: rejection.code, message: rejection.message)
    }

    /// A refusal of one command of a batch: the same kind and code, the message names the command.
    static func rejected(_ rejection: Rejection, inCommand index: Int, of count: Int) -> EngineError {
        guard count > 1 else { return rejected(rejection) }
        return EngineError(
            kind: .rejected(rejection),
            code: rejection.code,
            message: "command \(index + 1) of \(count) was refused, so none was recorded: \(rejection.message)"
        )
    }

    /// A log error as the engine reports it: same code, the log's message after what the engine was doing.
    static func storage(_ error: LogError, _ doing: String? = nil) -> EngineError {
        let message = doing.map { "\($0): \(error.message)" } ?? error.message
        return EngineError(
            kind: .storage,
            code: error.code,
            message: message,
            cause: error,
            meansUntrustedData: error.meansUntrustedData
        )
    }

    public var description: String {
        if let cause { return "\(message) [\(code)] (\(cause))" }
        return "\(message) [\(code)]"
    }
}
