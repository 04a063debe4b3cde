import HashTreeCollections

/// For each stream and entity (`agreement/x`, `meeting/m1`: a stream's name is its entity's id), the stream's version
/// and the positions of the events whose facts, as recorded or as any correction states them, write to the entity's
/// record: its own events, and the creations of the children it lists (a secondment writes to its person, agreement
/// and site). `decide` compares the versions with a command's expected version; a correction replays only the
/// positions to rebuild the entities it touches, and a person's timeline reads them. One map for both, so that an
/// event updates one entry of one trie for its own stream and entity, and each key is held once.
///
/// A position stays listed after a correction or retraction stopped it writing there: the replay skips what no
/// longer applies, so a stale position costs time, never correctness.
struct EntityIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// The number of events in the stream, corrections and retractions of its events included.
        var streamVersion: UInt64 = 0
        var positions: PositionList?
    }

    private var entries: TreeDictionary<String, Entry> = [:]

    init() {}

    /// Counts an event in its stream, `streamID`, and lists `position` under every entity `facts` write to: for a
    /// correction, the corrected facts at the corrected position; nil for an event that writes none (a retraction).
    /// Where an entity's id equals `streamID`, that string is the key, and its entry is updated once.
    mutating func note(inStream streamID: String, facts: Event?, at position: UInt64) {
        let written = facts?.writtenEntityIDs ?? []
        entries[streamID, default: Entry()].countEvent(listing: written.contains(streamID) ? position : nil)
        for entityID in written where entityID != streamID {
            entries[entityID, default: Entry()].list(position)
        }
    }

    /// The number of events in the stream `streamID`; 0 for none.
    func streamVersion(_ streamID: String) -> UInt64 {
        entries[streamID]?.streamVersion ?? 0
    }

    /// The positions listed under any of `entityIDs`, ascending, each once.
    func positions(of entityIDs: Set<String>) -> [UInt64] {
        var positions: [UInt64] = []
        for entityID in entityIDs {
            positions += entries[entityID]?.positions?.positions ?? []
        }
        positions.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(positions.count)
        for position in positions where unique.last != position {
            unique.append(position)
        }
        return unique
    }
}

extension EntityIndex.Entry {
    fileprivate mutating func countEvent(listing position: UInt64?) {
        streamVersion += 1
        if let position { list(position) }
    }

    fileprivate mutating func list(_ position: UInt64) {
        positions = positions?.inserting(position) ?? .one(position)
    }
}
