import AccordDomain

/// A command as the server hands it over: the facts, the metadata that guards it, and who sent it.
public struct CommandRequest: Sendable {
    public var command: Command
    /// The version the client expects the command's stream to have; nil skips the check.
    public var expectedVersion: UInt64?
    /// A client-chosen id that makes retries safe: the same id with the same request returns the first result.
    public var requestID: String?
    /// Name and contact details for `person.register`; stored apart from the log.
    public var personalData: PersonalData?
    public var author: Author

    public init(
        command: Command,
        expectedVersion: UInt64? = nil,
        requestID: String? = nil,
        personalData: PersonalData? = nil,
        author: Author
    ) {
        self.command = command
        self.expectedVersion = expectedVersion
        self.requestID = requestID
        self.personalData = personalData
        self.author = author
    }

    static let maximumRequestIDLength = 128

    static func validated(requestID: String?) throws(EngineError) -> String? {
        guard let requestID else { return nil }
        let allowed = requestID.utf8.allSatisfy { byte in
            (byte >= 0x21 && byte <= 0x7E)
        }
        guard !requestID.isEmpty, requestID.utf8.count <= CommandRequest.maximumRequestIDLength, allowed else {
            throw EngineError(
                kind: .invalidRequest(field: "requestID"),
                code: "invalid_request_id",
                message:
                    "the request id must be 1 to \(CommandRequest.maximumRequestIDLength) visible ASCII characters without spaces"
            )
        }
        return requestID
    }
}
