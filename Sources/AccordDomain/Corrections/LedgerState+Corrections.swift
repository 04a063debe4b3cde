extension LedgerState {
    /// A correction keeps the original's type, entity and stream, targets an original event that is not
    /// retracted, changes something, and leaves every later event valid.
    func checkCorrection(_ correction: EventCorrected, prepared: HistoryCheck?) throws(Rejection) {
        let original = try target(of: correction.position, action: "corrected")
        guard correction.corrected.typeName == original.typeName else {
            throw Rejection.correctionTypeMismatch(
                position: correction.position,
                original: original.typeName,
                corrected: correction.corrected.typeName
            )
        }
        guard correction.corrected.entityID == original.entityID, correction.corrected.streamID == original.streamID
        else {
            throw Rejection.correctionEntityMismatch(
                position: correction.position,
                original: original.entityID,
                corrected: correction.corrected.entityID
            )
        }
        try checkPersonalDataReference(correction)
        guard correction.corrected != effectiveEvent(at: correction.position) else {
            throw Rejection.correctionChangesNothing(position: correction.position)
        }
        try checkHistory(replacing: correction.position, with: correction.corrected, prepared: prepared)
    }

    /// A correction of a registration that leaves `personalDataReference` out keeps the one in force: the reference
    /// is set by the engine when it stores the data, never by a client.
    func keepingPersonalDataReference(of position: UInt64, in corrected: Event) -> Event {
        guard case .personRegistered(var registered) = corrected, registered.personalDataReference == nil,
            case .personRegistered(let current)? = effectiveEvent(at: position)
        else {
            return corrected
        }
        registered.personalDataReference = current.personalDataReference
        return .personRegistered(registered)
    }

    /// Personal data lives outside the log; a correction that moved or dropped its reference would silently detach
    /// a person from their data.
    private func checkPersonalDataReference(_ correction: EventCorrected) throws(Rejection) {
        guard case .personRegistered(let corrected) = correction.corrected,
            case .personRegistered(let current)? = effectiveEvent(at: correction.position),
            corrected.personalDataReference != current.personalDataReference
        else {
            return
        }
        throw Rejection.personalDataNotCorrectable(
            position: correction.position,
            inForce: current.personalDataReference
        )
    }

    /// A retraction targets an original event that is not yet retracted and leaves every later event valid
    /// (an agreement with secondments under it cannot vanish; retract the secondments first).
    func checkRetraction(_ retraction: EventRetracted, prepared: HistoryCheck?) throws(Rejection) {
        let target = try target(of: retraction.position, action: "retracted")
        guard retraction.stream == target.streamID else {
            throw Rejection.streamMismatch(
                retraction.stream,
                expected: target.streamID,
                of: "the retraction of position \(retraction.position)"
            )
        }
        if case .personalDataErased(let erased) = target {
            throw Rejection.erasureNotRetractable(position: retraction.position, personID: erased.personID)
        }
        try checkHistory(replacing: retraction.position, with: nil, prepared: prepared)
    }

    /// The stream of the event at `position`, if the ledger holds one.
    func streamOfTarget(_ position: UInt64) -> String? {
        recordedEvent(at: position)?.event.streamID
    }

    /// The facts of an event as they stand: the latest correction's, or none when it is retracted or is itself a
    /// correction or retraction.
    func effectiveEvent(of record: RecordedEvent) -> Event? {
        switch record.event {
        case .eventCorrected, .eventRetracted:
            return nil
        default:
            if retractionPosition[record.position] != nil {
                return nil
            }
            guard let index = latestCorrectionIndex[record.position],
                case .eventCorrected(let correction) = recordedEvents[index].event
            else {
                return record.event
            }
            return correction.corrected
        }
    }

    private func target(of position: UInt64, action: String) throws(Rejection) -> Event {
        guard let event = recordedEvent(at: position)?.event else {
            throw Rejection.unknownPosition(position, lastPosition: lastPosition)
        }
        switch event {
        case .eventCorrected, .eventRetracted:
            throw Rejection.correctionOfCorrection(position: position, typeName: event.typeName, action: action)
        default:
            break
        }
        if let retraction = retractionPosition[position] {
            throw Rejection.alreadyRetracted(position: position, retractedAt: retraction, action: action)
        }
        return event
    }

    /// For a correction or retraction, the replay its rules need, made on this state for a later version's decision
    /// to resume (`HistoryCheck`); nil for any other command, and for one whose target is refused before any replay
    /// (unknown, retracted, or itself an amendment: it has no effective event).
    public func historyCheck(for command: Command) -> HistoryCheck? {
        guard command.amendsHistory, let event = try? command.payload.event(in: self),
            let (position, replacement) = event.amendment, effectiveEvent(at: position) != nil,
            let last = recordedEvents.last
        else { return nil }
        let outcome = replay(recordedEvents, replacing: position, with: replacement, into: Projection())
        return HistoryCheck(position: position, replacement: replacement, lastReplayed: last, outcome: outcome)
    }

    /// Replays the effective history with the event at `position` replaced (or removed when `replacement` is nil),
    /// checking the rules from that position on. Events before it are unchanged, so they are only applied. A replay
    /// made ahead on an earlier version (`prepared`) is resumed from where it stopped when it still holds.
    private func checkHistory(replacing position: UInt64, with replacement: Event?, prepared: HistoryCheck?)
        throws(Rejection)
    {
        var outcome: HistoryCheck.Outcome?
        if let prepared, prepared.position == position, prepared.replacement == replacement {
            outcome = resumed(prepared)
        }
        let checked = outcome ?? replay(recordedEvents, replacing: position, with: replacement, into: Projection())
        if case .broken(let rejection) = checked { throw rejection }
    }

    /// `prepared` carried on over the events recorded after it: nil when this state does not hold its last event
    /// (not a later version of the state it was made on) or when one of the events since is a correction or
    /// retraction, which changes the history it replayed.
    private func resumed(_ prepared: HistoryCheck) -> HistoryCheck.Outcome? {
        guard let index = recordedEvents.index(ofPosition: prepared.lastReplayed.position),
            recordedEvents[index] == prepared.lastReplayed
        else { return nil }
        let since = (index + 1..<recordedEvents.count).lazy.map { recordedEvents[$0] }
        // Looked for before any event is checked: one recorded later can change an earlier one's effective facts.
        guard !since.contains(where: { $0.event.amendment != nil }) else { return nil }
        switch prepared.outcome {
        case .broken(let rejection):
            return .broken(rejection)
        case .passed(let replayed):
            return replay(since, replacing: prepared.position, with: prepared.replacement, into: replayed)
        }
    }

    /// Applies `records`' effective events to `replayed`, the one at `position` replaced (removed when `replacement`
    /// is nil: a retraction), and checks each from that position on: the outcome through the last.
    private func replay<Records: Sequence<RecordedEvent>>(
        _ records: Records,
        replacing position: UInt64,
        with replacement: Event?,
        into replayed: Projection
    ) -> HistoryCheck.Outcome {
        var replayed = replayed
        for record in records {
            guard var event = effectiveEvent(of: record) else {
                continue
            }
            if record.position == position {
                guard let replacement else {
                    continue
                }
                event = replacement
            }
            if record.position >= position {
                do throws(Rejection) {
                    try replayed.check(event)
                } catch {
                    guard record.position != position else { return .broken(error) }
                    return .broken(
                        Rejection.historyBroken(
                            action: replacement == nil ? "retracting" : "correcting",
                            position: position,
                            brokenPosition: record.position,
                            brokenType: event.typeName,
                            cause: error
                        )
                    )
                }
            }
            replayed.apply(event, position: record.position)
        }
        return .passed(replayed)
    }
}
