import Dispatch
import Foundation
import Synchronization

/// When the engine writes `ledger.snapshot`: every `interval` published events (0: only at a clean close), on a
/// queue of its own (encoding and fsync stay off the request path and the cooperative pool), one write at a time.
final class SnapshotSchedule: Sendable {
    let interval: UInt64
    let dataDirectory: String
    private let queue = DispatchQueue(label: "accord.snapshots")
    private let state: Mutex<State>

    private struct State {
        var writtenAt: UInt64
        var writing = false
        var closed = false
        /// The published head moved on while a write was running: where it is and how to take it then.
        var deferred: (position: UInt64, snapshot: @Sendable () -> LedgerSnapshot)?
    }

    init(interval: UInt64, dataDirectory: String, writtenAt: UInt64) {
        self.interval = interval
        self.dataDirectory = dataDirectory
        state = Mutex(State(writtenAt: writtenAt))
    }

    /// Called as the published head moves; `snapshot` is taken only when one is due, at once or, if a write is
    /// running, once it is done.
    func published(at position: UInt64, snapshot: @escaping @Sendable () -> LedgerSnapshot) {
        guard interval > 0 else { return }
        let due = state.withLock { state -> Bool in
            guard !state.closed, position >= state.writtenAt + interval else { return false }
            guard !state.writing else {
                state.deferred = (position, snapshot)
                return false
            }
            state.writing = true
            return true
        }
        guard due else { return }
        let taken = snapshot()
        queue.async { [self] in
            // A failed write leaves the previous snapshot (or none): a start then replays more of the log.
            let written = (try? taken.write(dataDirectory: dataDirectory)) != nil
            let deferred = state.withLock { state in
                state.writing = false
                if written { state.writtenAt = taken.head.position }
                defer { state.deferred = nil }
                return state.deferred
            }
            if let deferred { published(at: deferred.position, snapshot: deferred.snapshot) }
        }
    }

    /// At a clean close: after any write in flight (the queue is serial), writes `snapshot` if it is newer than
    /// the last one written; nothing is scheduled after it.
    func close(with snapshot: LedgerSnapshot) throws {
        state.withLock { state in
            state.closed = true
            state.deferred = nil
        }
        try queue.sync {
            guard state.withLock({ snapshot.head.position > $0.writtenAt }) else { return }
            try snapshot.write(dataDirectory: dataDirectory)
            state.withLock { $0.writtenAt = snapshot.head.position }
        }
    }
}
