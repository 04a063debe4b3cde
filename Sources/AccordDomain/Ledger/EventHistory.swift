import HashTreeCollections

/// The recorded events in log order, as a persistent map from their index: a copy of the state shares every node,
/// and an append copies only one path, so the engine can keep the state after each command without copying the
/// history (an array would be copied whole on the first append after a copy).
struct EventHistory: Sendable, Sequence, Codable {
    private var events: TreeDictionary<Int, RecordedEvent> = [:]

    var count: Int { events.count }

    var last: RecordedEvent? { events[events.count - 1] }

    subscript(index: Int) -> RecordedEvent {
        guard let event = events[index] else { preconditionFailure("no event at index \(index) of \(events.count)") }
        return event
    }

    mutating func append(_ event: RecordedEvent) {
        events[events.count] = event
    }

    func makeIterator() -> Iterator {
        Iterator(history: self)
    }

    struct Iterator: IteratorProtocol {
        let history: EventHistory
        var index = 0

        mutating func next() -> RecordedEvent? {
            guard index < history.count else { return nil }
            defer { index += 1 }
            return history[index]
        }
    }
}
