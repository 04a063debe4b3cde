import AccordAPI
import AccordDomain
import AccordEngine
import AccordTransparency
import Foundation
import NIOHTTP1

extension AccordResponder {
    /// GET: read models answer from durable state; `/v1/events` reads the log itself.
    func query(_ request: HTTPRequest) async throws -> HTTPResponse {
        let segments = request.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard segments.first == "v1", segments.count >= 2 else {
            throw APIFailure(
                status: .notFound,
                code: "unknown_route",
                message: "GET \(request.path) is not a route; routes start with /v1 (see docs/api.md)"
            )
        }
        let parameters = QueryParameters(request.query)
        let resource = segments[1]
        let id = segments.count == 3 ? segments[2] : nil
        guard segments.count <= 3 else { throw unknownRoute(request) }
        let response: HTTPResponse
        switch (resource, id) {
        case ("status", nil):
            response = try AccordResponder.json(status())
        case ("events", nil) where try parameters.flag("follow"):
            response = try follow(parameters, path: request.path)
        case ("events", nil):
            response = try AccordResponder.json(try await eventPage(parameters))
        case ("events", let position?):
            response = try AccordResponder.json(try await eventDetail(position))
        default:
            response = try readModel(resource: resource, id: id, parameters: parameters, request: request)
        }
        try parameters.refuseUnread(method: request.method, path: request.path)
        return response
    }

    func unknownRoute(_ request: HTTPRequest) -> APIFailure {
        APIFailure(
            status: .notFound,
            code: "unknown_route",
            message: "GET \(request.path) is not a route; see docs/api.md for the list"
        )
    }

    func status() -> StatusReport {
        let head = engine.head
        let bytes =
            (try? FileManager.default.attributesOfItem(atPath: engine.logPath)[.size] as? NSNumber)?.uint64Value ?? 0
        let formatter = ISO8601DateFormatter()
        return StatusReport(
            version: AccordVersion.current,
            head: ChainHeadView(position: head.position, hash: head.hash),
            eventCount: engine.eventCount,
            startedAt: formatter.string(from: startedAt),
            uptimeSeconds: Int64(Date().timeIntervalSince(startedAt)),
            dataDirectory: engine.dataDirectory,
            logFile: engine.logPath,
            logBytes: bytes,
            connections: connectionCount(),
            latestCheckpoint: transparency?.issuer.latest.map { latest in
                CheckpointSummary(
                    origin: latest.checkpoint.origin,
                    size: latest.size,
                    root: latest.root.base64,
                    signers: latest.note.signatures.map(\.name)
                )
            },
            lastVerification: transparency?.verification.status.last,
            appendsRefused: engine.appendsRefused,
            health: health()
        )
    }

    static let maximumPageSize = 1_000

    func eventPage(_ parameters: QueryParameters) async throws -> EventPage {
        let reverse = try parameters.flag("reverse")
        let withFrames = try parameters.flag("frames")
        let from = try parameters.position("from") ?? (reverse ? UInt64.max : 1)
        let limit = try parameters.unsigned("limit") ?? 100
        guard limit >= 1, limit <= UInt64(AccordResponder.maximumPageSize) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_limit",
                message: "limit must be between 1 and \(AccordResponder.maximumPageSize)",
                field: "limit"
            )
        }
        let filter = try AccordResponder.eventFilter(parameters)
        let page: (events: [StoredEvent], nextPosition: UInt64?)
        do {
            page =
                reverse
                ? try await engine.eventsBackward(from: from, limit: Int(limit), filter: filter)
                : try await engine.events(from: from, limit: Int(limit), filter: filter)
        } catch {
            throw APIFailure(error)
        }
        let head = engine.head
        return EventPage(
            events: page.events.map { AccordResponder.loggedEvent($0, withFrame: withFrames) },
            nextPosition: page.nextPosition,
            head: ChainHeadView(position: head.position, hash: head.hash)
        )
    }
}
