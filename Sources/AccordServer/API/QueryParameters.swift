import AccordDomain
import NIOHTTP1

/// A request's query string with typed, checked accessors; a bad value is a 400 naming the parameter.
struct QueryParameters {
    private let values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    func unsigned(_ name: String) throws -> UInt64? {
        guard let text = self[name] else { return nil }
        guard let value = UInt64(text) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name) must be a whole number, not \"\(text.prefix(40))\"",
                field: name
            )
        }
        return value
    }

    func integer(_ name: String) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name) must be a whole number, not \"\(text.prefix(40))\"",
                field: name
            )
        }
        return value
    }

    func date(_ name: String) throws -> BusinessDate? {
        guard let text = self[name] else { return nil }
        do {
            return try BusinessDate(text)
        } catch {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name): \(error.message)",
                field: name
            )
        }
    }

    /// A String-backed enumeration, refusing unknown values with the allowed ones listed.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name) \"\(text.prefix(40))\" is not one of: \(allowed)",
                field: name
            )
        }
        return value
    }
}
