/// An event another ledger recorded (an import's) that this ledger would have refused had it come as a command: its
/// position, its type and the rule's own refusal, so the line at fault and the rule can be named.
public struct RecordedEventRefusal: Error, Sendable, Equatable {
    public var position: UInt64
    public var typeName: String
    public var rejection: Rejection

    public init(position: UInt64, typeName: String, rejection: Rejection) {
        self.position = position
        self.typeName = typeName
        self.rejection = rejection
    }

    public var message: String {
        "the \(typeName) at position \(position) breaks a rule of the ledger, which would have refused it: \(rejection.message) [\(rejection.code)]"
    }
}
