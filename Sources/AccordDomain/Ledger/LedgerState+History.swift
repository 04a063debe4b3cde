import Foundation

extension LedgerState {
    /// The number of events folded in, corrections and retractions included.
    public var eventCount: Int {
        recordedEvents.count
    }

    public var lastPosition: UInt64? {
        recordedEvents.last?.position
    }

    /// The event recorded at `position`, as recorded (before any correction).
    public func recordedEvent(at position: UInt64) -> RecordedEvent? {
        recordedEvents.index(ofPosition: position).map { recordedEvents[$0] }
    }

    /// The facts of the event at `position` as they stand after corrections; nil when the position is unknown,
    /// retracted, or holds a correction or retraction.
    public func effectiveEvent(at position: UInt64) -> Event? {
        recordedEvent(at: position).flatMap { effectiveEvent(of: $0) }
    }

    /// The position of the retraction of `position`, if it was retracted.
    public func retraction(of position: UInt64) -> UInt64? {
        retractionPosition[position]
    }

    /// The positions of every correction of `position`, oldest first, and of its retraction last if it was
    /// retracted: the chain `accord log --event` shows.
    public func amendments(of position: UInt64) -> [UInt64] {
        (correctionPositions[position] ?? []) + (retractionPosition[position].map { [$0] } ?? [])
    }

    /// What corrected or retracted the events of an entity (its `entityID`, e.g. `agreement/x`), oldest first.
    public func corrections(ofEntity entityID: String) -> [CorrectionMark] {
        (amendmentsByEntity[entityID] ?? []).compactMap { position in
            switch recordedEvent(at: position)?.event {
            case .eventCorrected(let correction): CorrectionMark(position: position, reason: correction.reason)
            case .eventRetracted(let retraction): CorrectionMark(position: position, reason: retraction.reason)
            default: nil
            }
        }
    }

    /// The latest correction of `position`, if it was corrected.
    public func latestCorrection(of position: UInt64) -> RecordedEvent? {
        latestCorrectionIndex[position].map { recordedEvents[$0] }
    }
}

extension LedgerState {
    /// The ledger as it stood once the event at `position` (and every earlier one) was folded in: what the read
    /// models answered then, before any later event, correction or retraction. Replays from the first event; the
    /// engine starts from a kept version instead (`advanced(through:recordedIn:)`).
    public func asOf(position: UInt64) -> LedgerState {
        LedgerState.initial.advanced(through: position, recordedIn: self)
    }

    /// The ledger as it stood at `recordedAt`: the log up to its first event recorded after that time. The log's
    /// order, not the clock, is the truth, so a clock stepping back cannot pull a later event into the past.
    public func asOf(recordedAt: Date) -> LedgerState {
        var past = LedgerState.initial
        for record in recordedEvents {
            guard record.recordedAt <= recordedAt else { break }
            past.evolve(record)
        }
        return past
    }

    /// This state (an earlier version of `history`) with `history`'s next events folded in, up to and including
    /// `position`: the cost is the events between, not the log.
    ///
    /// A `forQueries` state takes `history`'s entity index (it reads only the positions, not the streams' versions):
    /// they list every event this state's own would, and later ones, which its readers pass over (a correction's rebuild and a person's timeline find no event at a
    /// position past this state's last, and judge each event they find by its facts as this state has them); and
    /// `history`'s read models' slots, where every id this state holds has the slot it has here.
    public func advanced(through position: UInt64, recordedIn history: LedgerState) -> LedgerState {
        precondition(eventCount <= history.eventCount, "a state can only be advanced with a later version's events")
        var state = self
        if !keepsIndexes {
            state.entityIndex = history.entityIndex
            guard let projection = projection.borrowingSlots(from: history.projection) else {
                // `history`'s read models were decoded or rebuilt since this version was kept: their slots are not
                // this version's, so the past is replayed from the first event (linear in the log, and rare).
                return LedgerState.initial.forQueries.advanced(through: position, recordedIn: history)
            }
            state.projection = projection
        }
        var index = eventCount
        while index < history.eventCount, history.recordedEvents[index].position <= position {
            state.evolve(history.recordedEvents[index])
            index += 1
        }
        return state
    }
}
