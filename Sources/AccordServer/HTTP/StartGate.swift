import AccordAPI
import AccordEngine
import Foundation
import Metrics
import NIOHTTP1
import Synchronization

/// The responder the server has from before the replay: every request is answered `503 starting` with the start's
/// progress until `open` hands the requests to the API; after a failed start, `503` with the reason.
///
/// The socket is bound first so that a client during a long replay learns why it waits, instead of finding no socket
/// (or a queue nobody reads) and a library's error.
public final class StartGate: HTTPResponder {
    private enum Stage {
        case starting(StartProgress)
        case serving(any HTTPResponder)
        case failed(APIError)
    }

    /// Seconds a client is told to wait before retrying (`Retry-After`).
    static let retryAfterSeconds = 1

    private let stage: Mutex<Stage>
    private let startedAt: ContinuousClock.Instant

    public init() {
        startedAt = .now
        stage = Mutex(
            .starting(
                StartProgress(phase: .opening, unit: .bytes, completed: 0, total: 0, eventsReplayed: 0, elapsedSeconds: 0)
            )
        )
    }

    /// Records how far the start has come; ignored once the gate is open or failed.
    public func report(_ progress: ReplayProgress) {
        let elapsed = ContinuousClock.now - startedAt
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let reported: StartProgress
        switch progress.phase {
        case .verifying:
            reported = StartProgress(
                phase: .verifying,
                unit: .bytes,
                completed: progress.completed,
                total: progress.total,
                eventsReplayed: progress.events,
                elapsedSeconds: seconds
            )
        case .replaying:
            reported = StartProgress(
                phase: .replaying,
                unit: .events,
                completed: progress.completed,
                total: progress.total,
                eventsReplayed: progress.completed,
                elapsedSeconds: seconds
            )
        }
        stage.withLock { stage in
            guard case .starting = stage else { return }
            stage = .starting(reported)
        }
    }

    /// From now on every request goes to `responder`; the time since the gate was made is the start's.
    public func open(_ responder: any HTTPResponder) {
        let elapsed = ContinuousClock.now - startedAt
        Gauge(label: StartGate.startDurationMetric).record(
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
        stage.withLock { $0 = .serving(responder) }
    }

    /// Seconds from listening to serving: opening, verifying and replaying the log.
    public static let startDurationMetric = "accord_replay_duration_seconds"

    /// The start failed: every request still answered is told why (`code`, `message`).
    public func fail(code: String, message: String) {
        stage.withLock { $0 = .failed(APIError(code: code, message: message)) }
    }

    /// The progress while starting; nil once open or failed.
    public var progress: StartProgress? {
        stage.withLock { stage in
            guard case .starting(let progress) = stage else { return nil }
            return progress
        }
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch stage.withLock({ $0 }) {
        case .serving(let responder):
            return await responder.respond(to: request)
        case .starting(let progress):
            let error = APIError(
                code: StartProgress.code,
                message:
                    "\(progress.summary); it answers once its log is verified and replayed: retry in a moment (`accord status` tells when it is ready)",
                progress: progress
            )
            var response = APIFailure(status: .serviceUnavailable, error: error).response
            response.headers.add(name: "Retry-After", value: String(StartGate.retryAfterSeconds))
            return response
        case .failed(let failure):
            return APIFailure(status: .serviceUnavailable, error: failure).response
        }
    }

    public func refusal(status: Int, code: String, message: String) -> HTTPResponse {
        APIFailure(status: HTTPResponseStatus(statusCode: status), code: code, message: message).response
    }
}
