import HashTreeCollections

/// Records keyed by id in a persistent hash trie whose items hold each record behind a reference. A change copies
/// the trie's nodes on its path, a bottom node holding up to 32 items; with the records inline (80 bytes and more
/// each) every kept version paid that copy per new entity, with boxes an item is a key and a reference. Records are
/// immutable in their boxes, so copies of the map share them; a change boxes the new record. Encodes as its ids and
/// records, so the snapshot format does not see the boxes.
struct RecordMap<Record: Sendable & Codable>: Sendable, Codable, Sequence {
    /// One record, shared by every version of the map that holds it.
    private final class Box: Sendable {
        let record: Record

        init(_ record: Record) { self.record = record }
    }

    private var boxes: TreeDictionary<String, Box> = [:]

    init() {}

    subscript(id: String) -> Record? {
        get { boxes[id]?.record }
        set { boxes[id] = newValue.map(Box.init) }
    }

    var values: some Collection<Record> { boxes.values.lazy.map(\.record) }

    func makeIterator() -> some IteratorProtocol<(key: String, value: Record)> {
        boxes.lazy.map { (key: $0.key, value: $0.value.record) }.makeIterator()
    }

    /// An array of alternating ids and records, not an object keyed by id: `JSONDecoder` reads it in about half
    /// the time (docs/performance.md, "Start from a snapshot, session 11").
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let id = try container.decode(String.self)
            let record = try container.decode(Record.self)
            guard boxes.updateValue(Box(record), forKey: id) == nil else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "id \(id) appears twice")
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (id, box) in boxes {
            try container.encode(id)
            try container.encode(box.record)
        }
    }
}

extension RecordMap: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Record)...) {
        for (id, record) in elements { self[id] = record }
    }
}

/// Equal when they hold the same ids with equal records: what a rebuild is checked against.
extension RecordMap: Equatable where Record: Equatable {
    static func == (left: RecordMap, right: RecordMap) -> Bool {
        guard left.boxes.count == right.boxes.count else { return false }
        return left.boxes.allSatisfy { key, box in right.boxes[key].map { $0.record == box.record } ?? false }
    }
}
