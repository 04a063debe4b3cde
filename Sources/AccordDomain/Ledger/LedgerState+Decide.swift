extension LedgerState {
    /// Turns a command into the events to append, or refuses it. Pure: the context is what the caller stamped.
    ///
    /// Order of checks: the fields alone (formats, limits), then the expected version of the stream, then the
    /// business rules against the state. `historyCheck`, for a correction or retraction, is the replay of its
    /// history made ahead on an earlier version of this state (`historyCheck(for:)`), taken up where it still holds.
    public func decide(
        _ command: Command,
        expectedVersion: UInt64?,
        context: CommandContext,
        historyCheck: HistoryCheck? = nil
    ) throws(Rejection) -> [Event] {
        let event = try command.payload.event(in: self)
        try event.checkFields()
        if let expectedVersion {
            let stream = streamID(of: command)
            let actual = streamVersion(stream)
            guard actual == expectedVersion else {
                throw Rejection.versionConflict(stream: stream, expected: expectedVersion, actual: actual)
            }
        }
        try check(event, prepared: historyCheck)
        return [event]
    }

    /// The checks `decide` makes on a command's event (its fields, then the business rules against this state), made
    /// on an event another ledger recorded in `stream`, as an import's is before it is appended after the events
    /// evolved so far; first, that `stream` is the event's own, which the ledger sets for a command's event. The
    /// stream's expected version is a command's own check, so it has none here.
    public func checkRecorded(_ recorded: RecordedEvent, inStream stream: String) throws(RecordedEventRefusal) {
        do throws(Rejection) {
            guard stream == recorded.event.streamID else {
                throw Rejection.streamMismatch(stream, expected: recorded.event.streamID, of: "the event")
            }
            try recorded.event.checkFields()
            try check(recorded.event)
        } catch {
            throw RecordedEventRefusal(position: recorded.position, typeName: recorded.event.typeName, rejection: error)
        }
    }

    /// The business rules for an event to be appended now; used by `decide` and by the replay of a correction.
    func check(_ event: Event, prepared: HistoryCheck? = nil) throws(Rejection) {
        switch event {
        case .eventCorrected(let correction): try checkCorrection(correction, prepared: prepared)
        case .eventRetracted(let retraction): try checkRetraction(retraction, prepared: prepared)
        default: try projection.check(event)
        }
    }
}
