import AccordDomain
import AccordLog
import Foundation

/// A snapshot whose header checked out, its body read from the file already open, checked (SHA-256) and decoded on
/// a thread of its own while the start's pass verifies the log and rebuilds the history and the indexes up to the
/// position it reflects: the start waits for it only when that pass gets there.
final class SnapshotLoading: @unchecked Sendable {
    /// The record the header says the models reflect.
    let head: ChainHead
    private let done = DispatchGroup()
    /// Written by the loading thread before `done` is left, read only after waiting on it.
    private var result: Result<ReadModels, SnapshotRefusal>?

    /// Takes `file`, positioned after the header, and closes it.
    init(header: LedgerSnapshot.Header, file: FileHandle) {
        head = header.head
        done.enter()
        // A thread, not a Dispatch queue: as for the start's replay, no pool the daemon's tasks may keep busy.
        let thread = Thread { [self] in
            defer {
                try? file.close()
                done.leave()
            }
            guard let body = try? file.read(upToCount: header.bodyBytes) ?? Data() else {
                result = .failure(SnapshotRefusal("it cannot be read"))
                return
            }
            guard body.count == header.bodyBytes else {
                result = .failure(LedgerSnapshot.lengthRefusal)
                return
            }
            result = LedgerSnapshot.models(body: body, header: header)
        }
        thread.name = "accord-snapshot"
        thread.start()
    }

    /// The decoded read models, or why they cannot be used; blocks until the loading thread is done.
    func wait() -> Result<ReadModels, SnapshotRefusal> {
        done.wait()
        guard let result else { preconditionFailure("the loading thread sets its result before it is done") }
        return result
    }
}
