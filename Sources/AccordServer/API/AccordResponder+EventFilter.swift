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
        try parameters.recordedTime(name).map { Int64(($0.timeIntervalSince1970 * 1_000_000).rounded(.down)) }
    }
}
