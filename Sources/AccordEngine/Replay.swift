import AccordDomain
import AccordLog
import Foundation

/// Rebuilds the state and the request-id index from the store at start, record by record.
struct Replay {
    var state = LedgerState.initial
    var head = ChainHead.genesis
    var requests: [String: LedgerEngine.RequestEntry] = [:]

    /// Folds in the next record in position order (checked by the store).
    mutating func apply(_ record: Record) throws(EngineError) {
        precondition(record.position == head.position + 1, "replay got position \(record.position) after \(head)")
        state.evolve(try LedgerEngine.recordedEvent(from: record))
        head = record.chainHead
        if let requestID = record.requestID, let digest = record.requestDigest {
            remember(requestID: requestID, digest: digest, position: record.position)
        }
    }

    /// Events of one command are consecutive and carry the same request id and digest.
    private mutating func remember(requestID: String, digest: [UInt8], position: UInt64) {
        if case .done(let known, let positions)? = requests[requestID], known == digest,
            positions.upperBound + 1 == position
        {
            requests[requestID] = .done(digest: digest, positions: positions.lowerBound...position)
        } else {
            requests[requestID] = .done(digest: digest, positions: position...position)
        }
    }
}
