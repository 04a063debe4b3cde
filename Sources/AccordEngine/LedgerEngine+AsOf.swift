import AccordDomain
import Foundation

extension LedgerEngine {
    /// The durable state as it stood at `asOf` (the head's state when nil), with the position it reflects. The past
    /// is the nearest kept version plus a replay of at most about `AsOfIndex.interval` events, outside the lock.
    /// `parameters` names the request's fields in errors: an as-of beyond the head or before the first event is
    /// refused, since answering with the head or an empty ledger would hide the mistake.
    public func read(asOf: AsOf?, parameters: AsOfParameterNames) throws(EngineError) -> PastState {
        let (head, index) = published.withLock { ($0.state, $0.asOf) }
        let headPosition = head.lastPosition ?? 0
        guard let asOf else {
            return PastState(
                state: head,
                position: headPosition,
                recordedAt: head.lastPosition.flatMap(recordedAt(in: head))
            )
        }
        let position: UInt64
        switch asOf {
        case .position(let asked):
            guard asked >= 1 else {
                throw LedgerEngine.asOfRefused(
                    parameters.position,
                    code: "as_of_before_first_event",
                    "\(parameters.position) 0 is before the first event: positions start at 1"
                )
            }
            guard asked <= headPosition else {
                throw LedgerEngine.asOfRefused(
                    parameters.position,
                    code: "as_of_beyond_head",
                    "\(parameters.position) \(asked) is beyond the head: the ledger holds \(headPosition) events"
                        + (headPosition == 0 ? "" : "; give a position from 1 to \(headPosition)")
                )
            }
            position = asked
        case .recordedAt(let time):
            let now = clock()
            guard time <= now else {
                throw LedgerEngine.asOfRefused(
                    parameters.recordedAt,
                    code: "as_of_beyond_head",
                    "\(parameters.recordedAt) \(time.formatted(.iso8601)) is later than now (\(now.formatted(.iso8601))): the ledger cannot say yet what it will know; give a past time"
                )
            }
            let found = index.lastPosition(recordedAtOrBefore: time) ?? headPosition
            guard found >= 1 else {
                let first = index.firstRecordedAt.map { " (\($0.formatted(.iso8601)))" } ?? ""
                throw LedgerEngine.asOfRefused(
                    parameters.recordedAt,
                    code: "as_of_before_first_event",
                    headPosition == 0
                        ? "\(parameters.recordedAt): the ledger holds no event yet, so it knew nothing at any time"
                        : "\(parameters.recordedAt) \(time.formatted(.iso8601)) is before the first event was recorded\(first): the ledger knew nothing then; give a later time"
                )
            }
            position = found
        }
        let state = position == headPosition ? head : index.state(at: position, head: head)
        return PastState(state: state, position: position, recordedAt: recordedAt(in: head)(position))
    }

    private func recordedAt(in state: LedgerState) -> (UInt64) -> Date? {
        { state.recordedEvent(at: $0)?.recordedAt }
    }

    private static func asOfRefused(_ field: String, code: String, _ message: String) -> EngineError {
        EngineError(kind: .invalidRequest(field: field), code: code, message: message)
    }
}

/// How the caller names the two as-of parameters (`asOfPosition`, `asOfRecorded` in the API), for its errors.
public struct AsOfParameterNames: Sendable {
    public var position: String
    public var recordedAt: String

    public init(position: String, recordedAt: String) {
        self.position = position
        self.recordedAt = recordedAt
    }
}
