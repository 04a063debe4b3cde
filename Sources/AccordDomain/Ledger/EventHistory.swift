/// The recorded events in log order, in a persistent vector: a copy of the state shares every full chunk, and an
/// append copies at most the last chunk and one path, so a version kept every few thousand events costs the events
/// since the previous one, not the history. Positions grow along the vector, so it is its own position index.
/// A snapshot leaves it out (the log holds every event): a start rebuilds it with `LedgerState.restore(_:)`.
public struct EventHistory: Sendable, Sequence {
    private var events = PersistentVector<RecordedEvent>()

    public var count: Int { events.count }

    public var last: RecordedEvent? { events.last }

    subscript(index: Int) -> RecordedEvent {
        events[index]
    }

    /// Appends the next event of the log. Positions must grow.
    mutating func append(_ event: RecordedEvent) {
        if let last = events.last {
            precondition(
                event.position > last.position,
                "event at position \(event.position) arrived after position \(last.position)"
            )
        }
        events.append(event)
    }

    /// The index of the event recorded at `position`, if any. The log's positions are consecutive, so the event
    /// is found at its offset from the first; a history with gaps (built by hand) is searched by halves.
    func index(ofPosition position: UInt64) -> Int? {
        guard let first = events.first, position >= first.position, let last, position <= last.position else {
            return nil
        }
        let offset = position - first.position
        if offset < UInt64(count), events[Int(offset)].position == position { return Int(offset) }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if events[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low < count && events[low].position == position ? low : nil
    }

    public func makeIterator() -> PersistentVector<RecordedEvent>.Iterator {
        events.makeIterator()
    }
}
