/// Every failure of a proof, note, checkpoint, policy or bundle, as a value: a stable `code`, a `message` that says
/// what is wrong and what to do, and the line concerned when there is one.
public struct ProofError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: ProofErrorCode
    public var message: String
    /// The 1-based line of the parsed text concerned, when there is one.
    public var line: Int?

    public init(code: ProofErrorCode, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    /// What a person reads, where the error is shown within a sentence: the code is for programs (`--json`, the
    /// API), so it is not spelt into the text.
    public var description: String {
        let suffix = line.map { " (line \($0))" } ?? ""
        return "\(message)\(suffix)"
    }
}
