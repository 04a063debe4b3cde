import AccordDomain
import AccordLog

extension LedgerEngine {
    /// Appends records exported from another ledger (already verified, in position order, continuing this ledger's
    /// head) with their own fields, each with its provenance entry (`RecordProvenance`) in place of any it had.
    /// Every payload must decode as the event its type names, as at a start, and is folded into the state.
    public func importRecords(_ records: [Record]) async throws(EngineError) {
        guard let first = records.first else { return }
        let (pending, decided, requests) = try core.withLock {
            core throws(EngineError) -> (any PendingRecords, LedgerState, [String: RequestEntry]) in
            if let failure = core.failure { throw failure }
            guard first.position == core.nextPosition else {
                throw EngineError(
                    kind: .storage,
                    code: "import_out_of_order",
                    message:
                        "the imported records start at position \(first.position) but the ledger's next position is \(core.nextPosition); import into an empty ledger, from the file's first line"
                )
            }
            var decided = core.state
            var requests = core.requests
            for record in records {
                decided.evolve(try LedgerEngine.recordedEvent(from: record))
                Replay.remember(record, in: &requests)
            }
            let drafts = records.map { record in
                var draft = record.draft
                draft.extensions =
                    [RecordProvenance(of: record).entry]
                    + record.extensions.filter { $0.type > RecordProvenance.extensionType }
                return draft
            }
            let pending: any PendingRecords
            do throws(LogError) {
                pending = try store.enqueue(drafts)
            } catch {
                throw EngineError.storage(error, "the log refused the imported records")
            }
            core.state = decided
            core.requests = requests
            core.nextPosition += UInt64(records.count)
            return (pending, decided, requests)
        }
        let written: [Record]
        do throws(LogError) {
            written = try await pending.wait()
        } catch {
            let failure = EngineError.storage(error, "the imported records could not be made durable")
            core.withLock { $0.failure = $0.failure ?? failure }
            throw failure
        }
        precondition(
            written.map(\.position) == records.map(\.position),
            "the log wrote the imported records at other positions than they had"
        )
        if let last = written.last {
            // The imported request ids count for repeats and snapshots like those of the commands recorded here.
            publish(
                first: first.position,
                head: last.chainHead,
                state: decided,
                request: nil,
                replacingRequests: requests
            )
        }
    }
}

extension LedgerEngine {
    /// Where the ledger's head came from when it was imported: the provenance of the head record, or nil for an
    /// empty ledger. A head recorded here, not imported, is refused: an import never continues a ledger of its own.
    public func importedHead() async throws(EngineError) -> RecordProvenance? {
        let position = head.position
        guard position > 0 else { return nil }
        guard let record = try await storedEvents(positions: position...position).first?.record,
            let provenance = RecordProvenance(extensions: record.extensions)
        else {
            throw EngineError(
                kind: .storage,
                code: "import_ledger_not_empty",
                message:
                    "the ledger already holds \(position) events recorded here; an import loads only into an empty ledger: start a daemon on a new data folder and import there"
            )
        }
        return provenance
    }
}
