import AccordLog
import Dispatch
import Foundation

/// Replays the start's records on a thread of its own while the log's verifying pass reads on: the pass (CRC,
/// chain, Merkle tree, one thread) hands over a batch of checked records and goes on with the next batch while this
/// one is decoded (in parallel) and folded into the state (in position order). At most one batch is replaying
/// while the next fills, so the memory held stays bounded as before.
///
/// Not thread-safe: one caller feeds it, then takes the result with `finish()`. The replay and its failure are
/// touched only by that thread between a hand-over and the next wait, and only by the caller after a wait.
final class ReplayPipeline: @unchecked Sendable {
    private let inFlight = DispatchGroup()
    private var replay: Replay
    private var failure: EngineError?
    private var batch: [Record] = []

    init(_ replay: Replay) {
        self.replay = replay
        batch.reserveCapacity(Replay.decodedTogether)
    }

    /// Takes the next checked record (in position order).
    func take(_ record: Record) {
        batch.append(record)
        if batch.count >= Replay.decodedTogether { handOver() }
    }

    /// Waits until every record taken is replayed: the replay, or the first record's failure (the records after a
    /// failed one are not replayed).
    func finish() -> Result<Replay, EngineError> {
        handOver()
        inFlight.wait()
        if let failure { return .failure(failure) }
        return .success(replay)
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        let records = batch
        batch = []
        batch.reserveCapacity(Replay.decodedTogether)
        // The previous batch is done before this one is queued: one batch replays while the next is verified.
        inFlight.wait()
        inFlight.enter()
        // A thread of its own, not a Dispatch queue: a start must not wait for a pool that the daemon's tasks (or
        // its clients' requests during the start) may keep busy. One thread per batch of 4,096 costs nothing here.
        let thread = Thread { [self] in
            defer { inFlight.leave() }
            guard failure == nil else { return }
            do throws(EngineError) {
                for record in records { try replay.apply(record) }
                try replay.finish()
            } catch {
                failure = error
            }
        }
        thread.name = "accord-replay"
        thread.start()
    }
}
