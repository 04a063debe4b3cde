/// An event type name that this version of Accord does not know, found in the log or in a request.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var typeName: String
    public var message: String

    public init(unknownTypeName typeName: String) {
        self.code = "unknown_event_type"
        self.typeName = typeName
        self.message =
            "event type \"\(typeName)\" is not known to this version of Accord; "
            + "known types are \(Event.typeNames.joined(separator: ", "))"
    }

    public var description: String { message }
}
