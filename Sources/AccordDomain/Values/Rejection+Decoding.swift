import Foundation

extension Rejection {
    /// A request body that could not be decoded, worded for the client: which field, and what was wrong with it.
    public init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String? {
            let names = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? nil : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key]) ?? key.stringValue
            self.init(code: "missing_field", message: "\(field) is required; add it", kind: .invalid, field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            self.init(
                code: "missing_field",
                message: "\(field ?? "the body") must not be null; give a value",
                kind: .invalid,
                field: field
            )
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            self.init(
                code: "invalid_field",
                message: "\(field ?? "the body") has the wrong type: expected \(type)",
                kind: .invalid,
                field: field
            )
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            let code = field == nil ? "invalid_json" : "invalid_field"
            self.init(code: code, message: context.debugDescription, kind: .invalid, field: field)
        @unknown default:
            self.init(code: "invalid_json", message: "the body could not be decoded: \(error)", kind: .invalid)
        }
    }
}
