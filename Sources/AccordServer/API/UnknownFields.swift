/// Finds the fields of a request body that the command does not have: a typo (`validUntill`) would otherwise be
/// dropped silently and a fact lost. The fields the command's decoding asked for are the reference; fields it did
/// not ask for are fine when they are null (an optional left out).
enum UnknownFields {
    /// Paths of the fields in `body` nobody asked for, e.g. `corrected.payload.nmae`; `allowed` top-level fields
    /// are read by someone else (the personal data of a registration).
    static func paths(
        in body: JSONValue,
        askedFields: JSONValueDecoder.AskedFields,
        allowed: Set<String> = [],
        prefix: String = ""
    ) -> [String] {
        switch body {
        case .object(let fields):
            var found: [String] = []
            for key in fields.keys.sorted() {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                let value = fields[key]!
                if askedFields.contains(path) {
                    found += paths(in: value, askedFields: askedFields, prefix: path)
                } else if value != .null && !allowed.contains(key) {
                    found.append(path)
                }
            }
            return found
        case .array(let elements):
            return elements.enumerated().flatMap { index, element in
                paths(in: element, askedFields: askedFields, prefix: "\(prefix)[\(index)]")
            }
        default:
            return []
        }
    }
}
