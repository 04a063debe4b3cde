/// A policy file that cannot be used; the message names the file, the line and the rule.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    public static let code = "bad_policy"

    public var message: String
    public var line: Int?

    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String { "\(message) [\(PolicyError.code)]" }
}
