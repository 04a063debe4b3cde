import AccordAPI
import AccordEngine
import Foundation
import Metrics
import NIOHTTP1
import Synchronization

/// The responder the server has from before the replay: every request is answered `503 starting` with the start's
/// progress until `open` hands the requests to the API; after a failed start, `503` with the reason. A request is
/// held up to `holdMilliseconds` first: a short start (a small log, the request that socket activation started the
/// daemon for) is then answered as usual, and a start that fails at once answers with its reason.
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

    /// How long a request waits for the start to end before it is answered `503 starting`.
    static let holdMilliseconds: Int64 = 500

    private struct State {
        var stage: Stage
        /// Requests held until the stage changes or their hold ends, by number.
        var waiting: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state: Mutex<State>
    private let startedAt: ContinuousClock.Instant

    public init() {
        startedAt = .now
        state = Mutex(
            State(
                stage: .starting(
                    StartProgress(
                        phase: .opening,
                        unit: .bytes,
                        completed: 0,
                        total: 0,
                        eventsReplayed: 0,
                        elapsedSeconds: 0
                    )
                )
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
        state.withLock { state in
            guard case .starting = state.stage else { return }
            state.stage = .starting(reported)
        }
    }

    /// From now on every request goes to `responder`; the time since the gate was made is the start's.
    public func open(_ responder: any HTTPResponder) {
        let elapsed = ContinuousClock.now - startedAt
        Gauge(label: StartGate.startDurationMetric).record(
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
        change(to: .serving(responder))
    }

    /// Seconds from listening to serving: opening, verifying and replaying the log.
    public static let startDurationMetric = "accord_replay_duration_seconds"

    /// The start failed: every request still answered is told why (`code`, `message`).
    public func fail(code: String, message: String) {
        change(to: .failed(APIError(code: code, message: message)))
    }

    private func change(to stage: Stage) {
        let waiting = state.withLock { state in
            state.stage = stage
            defer { state.waiting.removeAll() }
            return Array(state.waiting.values)
        }
        for request in waiting { request.resume() }
    }

    /// Returns once the start has ended (served or failed) or after `holdMilliseconds`, whichever comes first.
    private func hold() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let number = state.withLock { state -> UInt64? in
                guard case .starting = state.stage else { return nil }
                defer { state.nextWaiter += 1 }
                state.waiting[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let number else { return continuation.resume() }
            Task {
                try? await Task.sleep(for: .milliseconds(StartGate.holdMilliseconds))
                state.withLock { $0.waiting.removeValue(forKey: number) }?.resume()
            }
        }
    }

    /// The progress while starting; nil once open or failed.
    public var progress: StartProgress? {
        state.withLock { state in
            guard case .starting(let progress) = state.stage else { return nil }
            return progress
        }
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if case .starting = state.withLock({ $0.stage }) { await hold() }
        switch state.withLock({ $0.stage }) {
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
