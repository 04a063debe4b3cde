import AccordDomain
import AccordLog
import Foundation

/// A snapshot whose header checked out, its body read, checked (SHA-256) and decoded on a thread of its own while
/// the start's pass verifies the log and rebuilds the history and the indexes up to the position it reflects: the
/// start waits for it only when that pass gets there.
final class SnapshotLoading: @unchecked Sendable {
    /// The record the header says the state reflects.
    let head: ChainHead
    private let done = DispatchGroup()
    /// Written by the loading thread before `done` is left, read only after waiting on it.
    private var result: Result<ReadModels, SnapshotRefusal> = .failure(SnapshotRefusal("it was not read"))

    init(head: ChainHead, path: String) {
        self.head = head
        done.enter()
        // A thread, not a Dispatch queue: as for the start's replay, no pool the daemon's tasks may keep busy.
        let thread = Thread { [self] in
            defer { done.leave() }
            guard let contents = FileManager.default.contents(atPath: path) else {
                result = .failure(SnapshotRefusal("it cannot be read"))
                return
            }
            result = LedgerSnapshot.models(ofFile: Array(contents), reflecting: head)
        }
        thread.name = "accord-snapshot"
        thread.start()
    }

    /// The decoded read models, or why they cannot be used; blocks until the loading thread is done.
    func wait() -> Result<ReadModels, SnapshotRefusal> {
        done.wait()
        return result
    }
}
