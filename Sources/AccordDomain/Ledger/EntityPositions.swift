import HashTreeCollections

/// For each entity (`agreement/x`, `meeting/m1`), the positions of the events whose facts, as recorded or as any
/// correction states them, write to its record: its own events, and the creations of the children it lists (a
/// secondment writes to its person, agreement and site). A correction replays only these events to rebuild the
/// entities it touches. A position stays listed after a correction or retraction stopped it writing there: the
/// replay skips what no longer applies, so a stale position costs time, never correctness.
struct EntityPositions: Sendable, Equatable {
    private var lists: TreeDictionary<String, PositionList> = [:]

    init() {}

    /// Lists `position` under every entity `event` writes to. Where an entity's id equals `streamID` (the event's
    /// stream, as the caller holds it for the streams' versions), that string is the key, so that both indexes
    /// share one copy of it instead of two.
    mutating func note(_ event: Event, at position: UInt64, streamID: String) {
        for written in event.writtenEntityIDs {
            let entityID = written == streamID ? streamID : written
            if let list = lists[entityID] {
                lists[entityID] = list.inserting(position)
            } else {
                lists[entityID] = .one(position)
            }
        }
    }

    /// The positions listed under any of `entityIDs`, ascending, each once.
    func positions(of entityIDs: Set<String>) -> [UInt64] {
        var positions: [UInt64] = []
        for entityID in entityIDs {
            positions += lists[entityID]?.positions ?? []
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
