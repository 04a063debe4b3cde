import AccordDomain
import Foundation
import HashTreeCollections

/// What "as of" queries start from: a version of the state every `interval` positions, and the recorded times at
/// which the log's clock moved forward. The state's collections are persistent, so a kept version holds only the
/// nodes that later events replaced (its cost is the changes since, not the state), and the state as it stood at
/// any position is the nearest earlier version advanced by at most about `interval` events. Versions are kept for
/// queries only (`LedgerState.forQueries`), without the streams' versions that only deciding reads, and without
/// the indexes (entity positions, the read models' slots) that the head lends them when they are advanced.
struct AsOfIndex: Sendable {
    /// Positions between kept versions: bounds the replay of an as-of query. The versions' memory hardly depends on
    /// it (each holds the chunks and paths its vectors wrote since the previous one: the last chunks for new
    /// entities and events, one chunk per changed entity), the replay's cost does.
    static let interval: UInt64 = 1_024

    /// For each multiple of `interval` (by its quotient), the first state noted at or after it and before the next.
    private var versions: TreeDictionary<UInt64, LedgerState> = [:]
    /// The recorded times at which the latest recorded time so far grew, oldest first.
    private var steps = PersistentVector<TimeStep>()

    struct TimeStep: Sendable {
        /// A recorded time later than every earlier event's.
        var recordedAt: Date
        /// The first position recorded at that time.
        var position: UInt64
    }

    /// Takes the state once the events from `firstPosition` to its last position, all recorded at `recordedAt`,
    /// were folded in. Called in position order (the replay at start, then each published command).
    mutating func note(_ state: LedgerState, firstPosition: UInt64, recordedAt: Date) {
        guard state.lastPosition != nil else { return }
        noteVersion(of: state)
        noteTime(recordedAt, firstPosition: firstPosition)
    }

    /// Keeps `state` as the version of its interval if that interval has none yet. Alone for a state that took a
    /// snapshot's read models, whose restored events kept no version (a position before it is then replayed from
    /// the first event, correct but slower: rebuilding those versions would cost the memory of a replay).
    mutating func noteVersion(of state: LedgerState) {
        guard let last = state.lastPosition else { return }
        let quotient = last / AsOfIndex.interval
        if versions[quotient] == nil { versions[quotient] = state.forQueries }
    }

    /// Keeps a time step when the log's clock moved forward. Alone for an event restored under a snapshot: without
    /// its time, a time before the snapshot would be taken for the head.
    mutating func noteTime(_ recordedAt: Date, firstPosition: UInt64) {
        if steps.last.map({ recordedAt > $0.recordedAt }) ?? true {
            steps.append(TimeStep(recordedAt: recordedAt, position: firstPosition))
        }
    }

    /// The ledger as it stood at `position` (at most the head's), for queries, from the nearest kept version before
    /// it and the events `head` recorded after that version. A position older than every kept version (a state
    /// loaded from elsewhere than a replay) is replayed from the first event.
    func state(at position: UInt64, head: LedgerState) -> LedgerState {
        var quotient = position / AsOfIndex.interval
        while true {
            if let version = versions[quotient], let last = version.lastPosition, last <= position {
                return version.advanced(through: position, recordedIn: head)
            }
            guard quotient > 0 else {
                return LedgerState.initial.forQueries.advanced(through: position, recordedIn: head)
            }
            quotient -= 1
        }
    }

    /// The last position of the log before its first event recorded after `time` (0 when the first event is), or
    /// nil when no event was recorded after it. The same answer as `LedgerState.asOf(recordedAt:)`, by a binary
    /// search over the times at which the clock moved forward: an event recorded earlier than one before it (a clock
    /// stepped back) does not move the answer, since the log's order is the truth.
    func lastPosition(recordedAtOrBefore time: Date) -> UInt64? {
        var low = 0
        var high = steps.count
        // The first step later than `time` is at the first index where the times exceed it.
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].recordedAt > time { high = middle } else { low = middle + 1 }
        }
        guard low < steps.count else { return nil }
        return steps[low].position - 1
    }

    /// The first recorded time, if any event was noted.
    var firstRecordedAt: Date? { steps.first?.recordedAt }
}
