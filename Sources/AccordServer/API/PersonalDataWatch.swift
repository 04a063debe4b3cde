import AccordEngine
import Foundation
import Synchronization

/// The health report's view of the personal-data files: the last audit, renewed on a thread of its own once it is
/// older than `intervalSeconds`, so that `GET /v1/status` never reads every file itself. The same thread first tries
/// again the removals of recorded erasures that failed.
final class PersonalDataWatch: Sendable {
    struct Finding: Sendable {
        var audit: PersonalDataAudit
        var finishedAt: Date
    }

    static let intervalSeconds: TimeInterval = 60

    private struct State {
        var last: Finding?
        var running = false
    }

    private let state = Mutex(State())

    /// The last finding (nil before the first audit ends); starts a new audit when none runs and the last is old.
    func latest(of engine: LedgerEngine, now: Date = Date()) -> Finding? {
        let (last, start) = state.withLock { state -> (Finding?, Bool) in
            let due = state.last.map { now.timeIntervalSince($0.finishedAt) >= PersonalDataWatch.intervalSeconds } ?? true
            let start = due && !state.running
            if start { state.running = true }
            return (state.last, start)
        }
        if start {
            let thread = Thread { [self] in
                engine.retryUnfinishedErasures()
                let audit = engine.auditPersonalData()
                state.withLock { state in
                    state.last = Finding(audit: audit, finishedAt: Date())
                    state.running = false
                }
            }
            thread.name = "accord-audit"
            thread.start()
        }
        return last
    }
}
