import AccordDomain
import AccordEngine
import Foundation

extension AccordResponder {
    /// The filters `/v1/events` takes: `type` (any letter case), `stream`, `author`, `person`, `agreement`,
    /// `site`, `institution`, and `since` / `until` (recorded time, ISO 8601, inclusive).
    static func eventFilter(_ parameters: QueryParameters) throws -> EventFilter {
        var filter = EventFilter(
            streamID: parameters["stream"],
            author: parameters["author"],
            person: parameters["person"],
            agreement: parameters["agreement"],
            site: parameters["site"],
            institution: parameters["institution"]
        )
        if let type = parameters["type"] {
            guard let known = Event.typeNames.first(where: { $0.caseInsensitiveCompare(type) == .orderedSame }) else {
                throw APIFailure(
                    status: .badRequest,
                    code: "invalid_parameter",
                    message:
                        "type \"\(type.prefix(40))\" is not an event type; the types are \(Event.typeNames.joined(separator: ", "))",
                    field: "type"
                )
            }
            filter.eventType = known
        }
        filter.recordedFromMicroseconds = try recordedTime(parameters, "since")
        filter.recordedThroughMicroseconds = try recordedTime(parameters, "until")
        return filter
    }

    private static func recordedTime(_ parameters: QueryParameters, _ name: String) throws -> Int64? {
        guard let text = parameters[name] else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) ?? plain.date(from: text) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_parameter",
                message:
                    "\(name) must be a time in ISO 8601 with its zone, such as 2026-03-01T09:00:00Z, not \"\(text.prefix(40))\"",
                field: name
            )
        }
        return Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
    }
}
