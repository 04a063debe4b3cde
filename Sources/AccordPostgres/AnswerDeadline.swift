import AccordLog
import NIOCore
import NIOPosix
import Synchronization

/// Waits for one answer of PostgreSQL (a connect, or a query and its rows) at most a time limit, and never past the
/// waiting task's cancellation. PostgresNIO's awaits honour neither, and one may never end: a query written to a
/// session whose channel closed a moment before is dropped without being failed (its write carries no promise;
/// postgres-nio issue 458), and a server that stopped (SIGSTOP, a host gone without a reset) never answers. So the
/// operation runs in a task of its own, which the waiter leaves behind when the limit passes or it is cancelled: the
/// operation's later outcome is not wanted, a value it yields late goes to `discard` (a connection to close).
final class AnswerDeadline<Value: Sendable>: Sendable {
    private enum Phase {
        case running
        case waiting(CheckedContinuation<Result<Value, LogError>, Never>)
        case finished(Result<Value, LogError>)
        case delivered
    }

    private let phase = Mutex<Phase>(.running)
    /// Set by the first outcome: the operation's, the limit's or the cancellation's; the others are not used.
    private let claimed = Atomic<Bool>(false)

    private init() {}

    /// Runs `operation`, waiting at most `limit` for it. When the limit passes first, `expired` is called once (it
    /// gives up on the operation, closing its session) and its error thrown; a cancelled waiter throws `cancelled`.
    static func run(
        within limit: Duration,
        expired: @escaping @Sendable () -> LogError,
        cancelled: @escaping @Sendable () -> LogError,
        discard: @escaping @Sendable (Value) -> Void = { _ in },
        _ operation: @escaping @Sendable () async throws(LogError) -> Value
    ) async throws(LogError) -> Value {
        let deadline = AnswerDeadline()
        Task {
            let outcome: Result<Value, LogError>
            do throws(LogError) {
                outcome = .success(try await operation())
            } catch {
                outcome = .failure(error)
            }
            if !deadline.finish(outcome), case .success(let late) = outcome { discard(late) }
        }
        let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: TimeAmount(limit)) {
            if deadline.claim() { deadline.deliver(.failure(expired())) }
        }
        let outcome = await withTaskCancellationHandler {
            await deadline.wait()
        } onCancel: {
            if deadline.claim() { deadline.deliver(.failure(cancelled())) }
        }
        timer.cancel()
        return try outcome.get()
    }

    /// Delivers the first outcome; false when another came first (this one is left unused).
    private func finish(_ outcome: Result<Value, LogError>) -> Bool {
        guard claim() else { return false }
        deliver(outcome)
        return true
    }

    private func claim() -> Bool {
        !claimed.exchange(true, ordering: .acquiringAndReleasing)
    }

    private func deliver(_ outcome: Result<Value, LogError>) {
        let continuation = phase.withLock { phase -> CheckedContinuation<Result<Value, LogError>, Never>? in
            guard case .waiting(let continuation) = phase else {
                phase = .finished(outcome)
                return nil
            }
            phase = .delivered
            return continuation
        }
        continuation?.resume(returning: outcome)
    }

    private func wait() async -> Result<Value, LogError> {
        await withCheckedContinuation { continuation in
            let ready = phase.withLock { phase -> Result<Value, LogError>? in
                switch phase {
                case .running:
                    phase = .waiting(continuation)
                    return nil
                case .finished(let outcome):
                    phase = .delivered
                    return outcome
                case .waiting, .delivered:
                    preconditionFailure("an answer has one waiter")
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
