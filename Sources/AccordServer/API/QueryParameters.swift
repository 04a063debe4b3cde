import AccordAPI
import AccordDomain
import Foundation
import NIOHTTP1

/// A request's query string with typed, checked accessors; a bad value is a 400 naming the parameter, and so is a
/// parameter the route never read (a typo would otherwise widen a query silently).
final class QueryParameters {
    private let values: [String: String]
    private var read: Set<String> = []

    init(_ values: [String: String]) {
        self.values = values
    }

    subscript(name: String) -> String? {
        read.insert(name)
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// `method` and `path` name the route in the message, as the client sent them.
    func refuseUnread(method: HTTPMethod, path: String) throws {
        let unread = values.keys.filter { !read.contains($0) }.sorted()
        guard let first = unread.first else { return }
        let known = read.isEmpty ? "it takes none" : "it takes \(read.sorted().joined(separator: ", "))"
        throw APIFailure(
            status: .badRequest,
            code: "unknown_parameter",
            message: "\(method.rawValue) \(path) has no parameter \(unread.joined(separator: ", ")); \(known)",
            field: first
        )
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

    /// A position in the log: 1 or more.
    func position(_ name: String) throws -> UInt64? {
        guard let value = try unsigned(name) else { return nil }
        guard value >= 1 else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name) is a position in the log, which starts at 1; give 1 or more",
                field: name
            )
        }
        return value
    }

    /// A yes-or-no parameter, `true` or `false`: a misspelt value would otherwise silently mean no.
    func flag(_ name: String) throws -> Bool {
        guard let text = self[name] else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default:
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message: "\(name) must be true or false, not \"\(text.prefix(40))\"",
                field: name
            )
        }
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message:
                    "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.prefix(40))\"",
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

    /// A recorded time, ISO 8601 in UTC ("2026-01-06T09:30:00Z", a fraction of a second allowed).
    func recordedTime(_ name: String) throws -> Date? {
        guard let text = self[name] else { return nil }
        guard let value = RecordedTime.parse(text) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message:
                    "\(name) must be a time in ISO 8601 with its zone, such as 2026-03-01T09:00:00Z, not \"\(text.prefix(40))\"",
                field: name
            )
        }
        return value
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
