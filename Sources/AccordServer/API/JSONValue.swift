/// A request body as `StrictJSON` read it: the one parse of a body, which the command is then decoded from
/// (`JSONValueDecoder`). Numbers keep their text: StrictJSON admits only whole numbers from 0 to 2^64 − 1.
indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// What the value is, in a decoding error ("found a number instead").
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
