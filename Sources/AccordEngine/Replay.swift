import AccordDomain
import AccordLog
import Foundation

/// Rebuilds the state and the request-id index from the log at start.
struct Replay {
    var state = LedgerState.initial
    var head = ChainHead.genesis
    var requests: [String: LedgerEngine.RequestEntry] = [:]

    /// Reads every record in order; the reader checks checksums and the chain again as it goes.
    static func run(reader: LogReader, through head: ChainHead, progress: @Sendable (ReplayProgress) -> Void)
        throws(EngineError) -> Replay
    {
        var replay = Replay()
        do {
            var cursor = try reader.cursor(from: 1, through: head)
            while let record = try cursor.next() {
                let recorded = try LedgerEngine.recordedEvent(from: record)
                replay.state.evolve(recorded)
                replay.head = record.chainHead
                if let requestID = record.requestID, let digest = record.requestDigest {
                    replay.remember(requestID: requestID, digest: digest, position: record.position)
                }
                if record.position % 10_000 == 0 {
                    progress(ReplayProgress(phase: .replaying, completed: record.position, total: head.position))
                }
            }
        } catch let error as EngineError {
            throw error
        } catch let error as LogError {
            throw EngineError.storage(error)
        } catch {
            throw EngineError(kind: .storage, code: "replay_failed", message: "cannot replay \(reader.path): \(error)")
        }
        return replay
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
