import AccordLog

extension LedgerEngine {
    /// A page of the log read newest first: records from `position` (clamped to the durable head) down to
    /// position 1, filtered, at most `limit`. `nextPosition` is where the next, older page starts; nil once
    /// position 1 was read. The store reads forward, so this reads windows below `position` and turns each round.
    public func eventsBackward(from position: UInt64, limit: Int, filter: EventFilter) async throws(EngineError) -> (
        events: [StoredEvent], nextPosition: UInt64?
    ) {
        let head = self.head
        var events: [StoredEvent] = []
        var top = min(position, head.position)
        var scanned = 0
        while top >= 1 {
            guard events.count < limit, scanned < LedgerEngine.maximumRecordsScannedPerPage else {
                return (events, top)
            }
            let window = UInt64(LedgerEngine.recordsReadAtOnce)
            let bottom = top > window ? top - window + 1 : 1
            let records: [Record]
            do throws(LogError) {
                records = try await store.records(from: bottom, through: head, limit: Int(top - bottom + 1))
            } catch {
                throw EngineError.storage(error, "cannot read \(store.location)")
            }
            precondition(records.count == Int(top - bottom + 1), "a store returned fewer records than it holds")
            scanned += records.count
            for record in records.reversed() {
                guard events.count < limit else { return (events, record.position) }
                if let event = try LedgerEngine.storedEvent(record, matching: filter) { events.append(event) }
            }
            top = bottom - 1
        }
        return (events, nil)
    }
}
