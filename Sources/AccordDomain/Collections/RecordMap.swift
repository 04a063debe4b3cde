import HashTreeCollections

/// Records keyed by id. Each record sits behind a reference at a slot of a persistent vector, the slot its id took
/// when first written (so the order ids appeared in the log), and a persistent hash trie maps ids to slots. A new
/// entity appends to the vector, which a kept version shares whole but for its last chunk and the path to it; a
/// change to an entity copies one chunk and its path. The trie is what a kept version would pay for (a hash spreads
/// consecutive ids over every bottom node, and each new id copies one): a version kept for queries leaves it out
/// (`withoutSlots`) and borrows a later version's when it is read (`borrowingSlots(from:)`), sound because an id
/// keeps its slot in every later version of the same map. Records are immutable in their boxes, so copies share
/// them. Encodes as its ids and records, so the snapshot format sees neither slots nor boxes.
struct RecordMap<Record: Sendable & Codable>: Sendable, Codable, Sequence {
    /// One record and its id, shared by every version of the map that holds it.
    private final class Box: Sendable {
        let id: String
        let record: Record

        init(id: String, record: Record) {
            self.id = id
            self.record = record
        }
    }

    /// Each id's slot in `boxes`. Empty in a version kept for queries until it borrows a later version's.
    private var slots: TreeDictionary<String, Int> = [:]
    /// The records by slot; nil where a record was removed (its id keeps the slot) or, in a version that borrowed
    /// a later one's slots, where an id that version does not hold yet will go.
    private var boxes = PersistentVector<Box?>()
    private var numbering = SlotNumbering()
    /// False in a version kept for queries (`withoutSlots`), which must borrow a later version's before it is read.
    private var hasSlots = true
    /// The records held.
    private(set) var count = 0

    init() {}

    subscript(id: String) -> Record? {
        get {
            precondition(hasSlots, "a map kept for queries is read only once it borrowed a later version's slots")
            guard let slot = slots[id], slot < boxes.count, let box = boxes[slot] else { return nil }
            precondition(box.id == id, "slot \(slot) holds \(box.id), not \(id): slots of another numbering")
            return box.record
        }
        set {
            precondition(hasSlots, "a map kept for queries changes only once it borrowed a later version's slots")
            let box = newValue.map { Box(id: id, record: $0) }
            guard let slot = slots[id] else {
                guard let box else { return }
                slots[id] = boxes.count
                boxes.append(box)
                count += 1
                return
            }
            if slot >= boxes.count {
                // An id a later version numbered, not in this one yet: the gap before its slot (ids that version
                // took after this one's last) stays empty until they are written here too.
                guard box != nil else { return }
                while boxes.count <= slot { boxes.append(nil) }
            }
            count += (box == nil ? 0 : 1) - (boxes[slot] == nil ? 0 : 1)
            boxes.replace(at: slot, with: box)
        }
    }

    var values: some Collection<Record> { boxes.lazy.compactMap { $0?.record } }

    func makeIterator() -> some IteratorProtocol<(key: String, value: Record)> {
        boxes.lazy.compactMap { $0.map { (key: $0.id, value: $0.record) } }.makeIterator()
    }

    /// This map without its slots, for a version kept for queries; an empty map keeps them (it has nothing to
    /// borrow for, and grows on its own).
    var withoutSlots: RecordMap {
        guard boxes.count > 0 else { return self }
        var map = self
        map.slots = [:]
        map.hasSlots = false
        return map
    }

    /// This map, kept for queries without its slots, with `later`'s: a later version of the same map, whose slots
    /// hold every id this one does at the same slot. Nil when `later` numbers its slots otherwise (it was decoded
    /// or rebuilt since this version was kept), and this one as it is when it kept its own.
    func borrowingSlots(from later: RecordMap) -> RecordMap? {
        guard !hasSlots else { return self }
        guard later.hasSlots, later.numbering === numbering, later.boxes.count >= boxes.count else { return nil }
        var map = self
        map.slots = later.slots
        map.hasSlots = true
        return map
    }

    /// An array of alternating ids and records, not an object keyed by id: `JSONDecoder` reads it in about half
    /// the time (docs/performance.md, "Start from a snapshot, session 11").
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let id = try container.decode(String.self)
            let record = try container.decode(Record.self)
            guard slots.updateValue(boxes.count, forKey: id) == nil else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "id \(id) appears twice")
            }
            boxes.append(Box(id: id, record: record))
            count += 1
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (id, record) in self {
            try container.encode(id)
            try container.encode(record)
        }
    }
}

extension RecordMap: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Record)...) {
        for (id, record) in elements { self[id] = record }
    }
}

/// Equal when they hold the same ids with equal records, whatever their slots: what a rebuild is checked against.
extension RecordMap: Equatable where Record: Equatable {
    static func == (left: RecordMap, right: RecordMap) -> Bool {
        guard left.count == right.count else { return false }
        return left.allSatisfy { id, record in right[id] == record }
    }
}
