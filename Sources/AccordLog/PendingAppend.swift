import Dispatch
import Synchronization

/// Records that `enqueue` framed and queued: their positions and hashes are decided, their durability is not.
public final class PendingAppend: Sendable {
    /// The records as they will be on disk, available at once so that the caller can update its state in
    /// position order before they are durable. Acknowledge nothing to a client before `wait()` returns.
    public let records: [Record]
    private let completion = Mutex(Completion())

    private struct Completion {
        var outcome: Result<[Record], LogError>?
        var continuations: [CheckedContinuation<Result<[Record], LogError>, Never>] = []
        var blockedThreads: [DispatchSemaphore] = []
    }

    init(records: [Record]) {
        self.records = records
    }

    /// Returns the records once they are on stable storage (written and fdatasync'd), or throws if the write
    /// failed. Cancelling the waiting task does not withdraw the records: they are still written.
    public func wait() async throws(LogError) -> [Record] {
        let outcome = await withCheckedContinuation { continuation in
            let ready = completion.withLock { state in
                if state.outcome == nil { state.continuations.append(continuation) }
                return state.outcome
            }
            if let ready { continuation.resume(returning: ready) }
        }
        return try outcome.get()
    }

    /// `wait()` for threads outside Swift concurrency (tests, command-line tools): blocks the calling thread.
    public func waitBlocking() throws(LogError) -> [Record] {
        let semaphore = DispatchSemaphore(value: 0)
        let ready = completion.withLock { state in
            if state.outcome == nil { state.blockedThreads.append(semaphore) }
            return state.outcome
        }
        if let ready { return try ready.get() }
        semaphore.wait()
        return try completion.withLock { $0.outcome }!.get()
    }

    /// True once the records are durable or the write failed.
    public var isCompleted: Bool { completion.withLock { $0.outcome != nil } }

    func complete(_ outcome: Result<[Record], LogError>) {
        let (continuations, blockedThreads) = completion.withLock { state in
            precondition(state.outcome == nil, "an append completes once")
            state.outcome = outcome
            defer {
                state.continuations = []
                state.blockedThreads = []
            }
            return (state.continuations, state.blockedThreads)
        }
        for continuation in continuations { continuation.resume(returning: outcome) }
        for semaphore in blockedThreads { semaphore.signal() }
    }
}
