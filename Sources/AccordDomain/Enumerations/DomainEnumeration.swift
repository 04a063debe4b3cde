/// A closed set of values written as strings in JSON. Decoding an unknown value fails with an error that names
/// the field and lists the values allowed, instead of Foundation's generic "cannot initialize" message.
public protocol DomainEnumeration: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {}

extension DomainEnumeration {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let field = container.codingPath.last?.stringValue ?? "value"
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(field): \"\(text)\" is not allowed; use one of \(Self.allowedValues)"
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The allowed values, comma-separated, for messages and help text.
    public static var allowedValues: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
