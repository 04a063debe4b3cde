import Synchronization

/// Lets readers wait for the durable head to move past a position without polling: the engine reports each new
/// head, and every waiter beyond which it moved resumes.
final class HeadWatch: Sendable {
    private struct State {
        var position: UInt64
        var waiters: [UInt64: (beyond: UInt64, continuation: CheckedContinuation<UInt64, Never>)] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state: Mutex<State>

    init(position: UInt64) {
        state = Mutex(State(position: position))
    }

    /// Called after the published head moved to `position`.
    func advance(to position: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<UInt64, Never>] in
            state.position = max(state.position, position)
            let moved = state.waiters.filter { $0.value.beyond < position }
            for key in moved.keys { state.waiters.removeValue(forKey: key) }
            return moved.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: position) }
    }

    /// Returns the head once it is past `position`, at once if it already is. Cancelling the task returns the head
    /// as it stands, which may not be past `position`.
    func wait(beyond position: UInt64) async -> UInt64 {
        let waiter = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let current = state.withLock { state -> UInt64? in
                    guard state.position <= position, !Task.isCancelled else { return state.position }
                    state.waiters[waiter] = (position, continuation)
                    return nil
                }
                if let current { continuation.resume(returning: current) }
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                state.waiters.removeValue(forKey: waiter).map { ($0.continuation, state.position) }
            }
            if let (continuation, current) = cancelled { continuation.resume(returning: current) }
        }
    }
}
