import AccordAPI
import AccordEngine
import AccordServer
import Foundation
import Metrics
import NIOCore
import NIOHTTP1

/// Times and counts every request the API answers, and answers `GET /v1/metrics` itself with what was counted, the
/// state sampled at the scrape (connections, log size, head), in the Prometheus text format.
struct MetricsRouteResponder: HTTPResponder {
    let next: any HTTPResponder
    let api: AccordResponder
    let engine: LedgerEngine
    let connectionCount: @Sendable () -> Int
    let startedAt: Date

    private static let getDuration = Timer(label: durationMetric, dimensions: [("method", "GET")])
    private static let postDuration = Timer(label: durationMetric, dimensions: [("method", "POST")])
    private static let otherDuration = Timer(label: durationMetric, dimensions: [("method", "other")])
    private static let durationMetric = "accord_request_duration_seconds"
    private static let connections = Gauge(label: "accord_connections")
    private static let logBytes = Gauge(label: "accord_log_bytes")
    private static let headPosition = Gauge(label: "accord_head_position")
    private static let uptime = Gauge(label: "accord_uptime_seconds")

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let start = ContinuousClock.now
        let response: HTTPResponse
        if request.path == MetricsRoute.path {
            response = metrics(request)
        } else {
            response = await next.respond(to: request)
        }
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        let duration =
            switch request.method {
            case .GET: MetricsRouteResponder.getDuration
            case .POST: MetricsRouteResponder.postDuration
            default: MetricsRouteResponder.otherDuration
            }
        duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        if let code = response.errorCode { MetricsRouteResponder.countRefusal(code) }
        return response
    }

    /// Counts one refusal by its error code: the API's, and those the server makes before the API sees a request.
    static func countRefusal(_ code: String) {
        Counter(label: "accord_refusals_total", dimensions: [("code", code)]).increment()
    }

    private func metrics(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == .GET else {
            return refusal(
                status: 405,
                code: "method_not_allowed",
                message: "metrics are GET \(MetricsRoute.path) (docs/operations.md shows a scrape configuration)"
            )
        }
        if let refusal = api.refusalUnlessAuthorized(request) { return refusal }
        guard request.query.isEmpty else {
            return refusal(
                status: 400,
                code: "unknown_parameter",
                message: "GET \(MetricsRoute.path) takes no query parameters"
            )
        }
        MetricsRouteResponder.connections.record(connectionCount())
        let bytes = (try? FileManager.default.attributesOfItem(atPath: engine.logPath)[.size] as? NSNumber)?
            .int64Value ?? 0
        MetricsRouteResponder.logBytes.record(bytes)
        MetricsRouteResponder.headPosition.record(Int64(engine.head.position))
        MetricsRouteResponder.uptime.record(Date().timeIntervalSince(startedAt))
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: MetricsRoute.contentType)
        return HTTPResponse(status: .ok, headers: headers, body: ByteBuffer(bytes: DaemonMetrics.registry.emitToBuffer()))
    }

    func refusal(status: Int, code: String, message: String) -> HTTPResponse {
        api.refusal(status: status, code: code, message: message)
    }
}
