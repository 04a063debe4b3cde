/// Why a command was refused. A refused command appends nothing.
///
/// `code` is stable (scripts and the HTTP API rely on it); `message` names the rule, the id or field involved,
/// and what to do next.
public struct Rejection: Error, Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The input itself is malformed or past a limit.
        case invalid
        /// The input refers to an id the ledger does not know.
        case notFound
        /// The ledger moved on since the client read it, or the id is already taken.
        case conflict
        /// The input is well formed but a business rule forbids it.
        case ruleViolated
    }

    public var code: String
    public var message: String
    public var kind: Kind
    /// The input field at fault, in the JSON names of the command (`"hostSite"`), when there is one.
    public var field: String?
    /// The id at fault (`"mou-x"`, or a stream such as `"agreement/mou-x"`), when there is one.
    public var id: String?

    public init(code: String, message: String, kind: Kind, field: String? = nil, id: String? = nil) {
        self.code = code
        self.message = message
        self.kind = kind
        self.field = field
        self.id = id
    }
}
