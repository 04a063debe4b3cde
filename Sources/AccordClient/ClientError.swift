import AccordAPI

/// What went wrong talking to the daemon, with what to do about it.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The daemon is not there: no socket, nobody listening, or the connection broke.
        case unreachable
        /// The daemon answered with an error (a refused command, a conflict, a bad request).
        case refused(status: Int)
        /// The daemon's answer could not be understood.
        case protocolViolation
    }

    public var kind: Kind
    public var code: String
    public var message: String
    public var field: String?
    public var id: String?
    /// How far a starting daemon has come (code `starting`, status 503).
    public var progress: StartProgress?

    public init(
        kind: Kind,
        code: String,
        message: String,
        field: String? = nil,
        id: String? = nil,
        progress: StartProgress? = nil
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
        self.id = id
        self.progress = progress
    }

    public var description: String { message }
}
