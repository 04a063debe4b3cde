/// The body of every error answer: `{"error": {"code": ..., "message": ...}}`. Codes are stable; messages say what
/// to do; `field` and `id` name what was wrong when there is one; `role` is the role a refused caller lacks;
/// `progress` tells how far a starting daemon has come (code `starting`); `line` is the line of an imported file at
/// fault (`POST /v1/import`).
public struct APIError: Codable, Sendable, Equatable, Error {
    public var code: String
    public var message: String
    public var field: String?
    public var id: String?
    public var role: Role?
    public var progress: StartProgress?
    public var line: UInt64?

    public init(
        code: String,
        message: String,
        field: String? = nil,
        id: String? = nil,
        role: Role? = nil,
        progress: StartProgress? = nil,
        line: UInt64? = nil
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.id = id
        self.role = role
        self.progress = progress
        self.line = line
    }
}

public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public var error: APIError

    public init(error: APIError) {
        self.error = error
    }
}
