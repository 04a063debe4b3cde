import AccordDomain
import AccordLog

extension LedgerEngine {
    /// Appends records exported from another ledger (already verified, in position order, continuing this ledger's
    /// head) with their own fields, each with its provenance entry (`RecordProvenance`) in place of any it had.
    /// Every payload must decode as the event its type names, as at a start, and pass the checks a command's event
    /// passes (`LedgerState.checkRecorded`) against the state the records before it make, or none is appended
    /// (`import_rule_broken`, the refusal as the cause); then it is folded into the state.
    public func importRecords(_ records: [Record]) async throws(EngineError) {
        guard let first = records.first else { return }
        let (pending, decided) = try core.withLock {
            core throws(EngineError) -> (any PendingRecords, LedgerState) in
            if let failure = core.failure { throw failure }
            guard first.position == core.nextPosition else {
                throw EngineError(
                    kind: .storage,
                    code: ImportErrorCode.outOfOrder,
                    message:
                        "the imported records start at position \(first.position) but the ledger's next position is \(core.nextPosition); import into an empty ledger, from the file's first line"
                )
            }
            var decided = core.state
            var requests = core.requests
            for record in records {
                let recorded = try LedgerEngine.recordedEvent(from: record)
                do throws(RecordedEventRefusal) {
                    try decided.checkRecorded(recorded, inStream: record.streamID)
                } catch {
                    throw EngineError(
                        kind: .rejected(error.rejection),
                        code: ImportErrorCode.ruleBroken,
                        message: error.message,
                        cause: error
                    )
                }
                decided.evolve(recorded)
                // The imported request ids count for repeats like those of the commands recorded here.
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
            return (pending, decided)
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
            publish(first: first.position, head: last.chainHead, state: decided)
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
                code: ImportErrorCode.ledgerNotEmpty,
                message:
                    "the ledger already holds \(position) events recorded here; an import loads only into an empty ledger: start a daemon on a new data folder and import there"
            )
        }
        return provenance
    }
}

extension LedgerEngine {
    /// Starts (or resumes) the import of `file` at `expectedNextPosition`, under the lock that decides commands: from
    /// here on every command and batch is refused (`import_unfinished`) until `endImport`, so none is decided between
    /// the check of the ledger's head and the import's records. Refused with `import_ledger_not_empty` when the
    /// ledger's next position is another, as when a command was decided since the head was read.
    public func beginImport(_ file: ImportMarker.File, expectedNextPosition: UInt64) throws(EngineError) {
        try core.withLock { core throws(EngineError) in
            if let failure = core.failure { throw failure }
            guard core.nextPosition == expectedNextPosition else {
                throw EngineError(
                    kind: .storage,
                    code: ImportErrorCode.ledgerNotEmpty,
                    message:
                        "the ledger now holds \(core.nextPosition - 1) events, not the \(expectedNextPosition - 1) lines of this import; an import loads only into an empty ledger: start a daemon on a new data folder and import there"
                )
            }
            core.unfinishedImport = file
        }
    }

    /// Refuses commands for an import found unfinished at the start (its marker), before any request is taken.
    public func holdForUnfinishedImport(_ file: ImportMarker.File) {
        core.withLock { $0.unfinishedImport = file }
    }

    /// The import is finished (or abandoned with nothing of it appended): commands are taken again.
    public func endImport() {
        core.withLock { $0.unfinishedImport = nil }
    }

    /// The refusal of a command while an import is unfinished.
    static func importUnfinished(_ file: ImportMarker.File, holding position: UInt64) -> EngineError {
        EngineError(
            kind: .storage,
            code: ImportErrorCode.unfinished,
            message:
                "an import of a \(file.lines)-line export (last hash \(file.lastHash)) is unfinished: the ledger holds \(position) of its lines, and no command is taken until it holds them all. Run `accord import FILE` again with that file to finish it"
        )
    }
}
