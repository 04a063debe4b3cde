import HashTreeCollections

/// The whole ledger as a value: every recorded event, the versions of its streams, and the entities that the
/// effective events make. `decide` checks a command against it; `evolve` folds in what the log recorded. Every part
/// is a persistent collection, so a copy costs nothing and an event changes only the paths it touches.
public struct LedgerState: Sendable {
    public static let initial = LedgerState()

    /// Every event in log order, corrections and retractions included.
    private(set) var recordedEvents = EventHistory()
    /// For a corrected position, the index in `recordedEvents` of its latest correction.
    var latestCorrectionIndex: TreeDictionary<UInt64, Int> = [:]
    /// For a retracted position, the position of its retraction.
    var retractionPosition: TreeDictionary<UInt64, UInt64> = [:]
    /// For a corrected position, the positions of all its corrections, oldest first.
    var correctionPositions: TreeDictionary<UInt64, [UInt64]> = [:]
    /// For an entity (`agreement/x`, `meeting/m1`), the positions of the corrections and retractions of its events.
    var amendmentsByEntity: TreeDictionary<String, [UInt64]> = [:]
    /// For each stream, its version; for each entity, the events that write to it: what a correction replays and a
    /// person's timeline reads. Empty in a `forQueries` state, which borrows the head's when it advances
    /// (`advanced(through:recordedIn:)`).
    var entityIndex = EntityIndex()
    /// For a person, the entities whose facts named them before a correction or retraction replaced those facts: with
    /// the entities the person's record lists, what their timeline reads.
    private(set) var formerlyNamingEntities: TreeDictionary<String, [String]> = [:]
    var projection = Projection()
    /// False in a state kept for queries only (`forQueries`): it neither holds the streams' versions (only `decide`
    /// reads them) nor the entities' positions (the head's are a superset that serves it), nor updates them as it
    /// evolves. A version kept for as-of queries would otherwise hold a copy of each node of those maps that later
    /// events replaced, and an as-of replay would copy a path of each per event.
    private(set) var keepsIndexes = true

    private init() {}

    /// This state without the streams' versions, the entities' positions and the read models' slots, for answering
    /// queries once advanced from the head (`advanced(through:recordedIn:)`), which lends its own: `decide` refuses
    /// to run on it (`streamVersion` would not know the versions).
    public var forQueries: LedgerState {
        var state = self
        state.entityIndex = EntityIndex()
        state.projection = projection.withoutSlots
        state.keepsIndexes = false
        return state
    }

    /// The read models alone: what a snapshot holds of the state.
    public var readModels: ReadModels { ReadModels(projection: projection) }

    /// Every event folded in so far, in log order.
    public var history: EventHistory { recordedEvents }

    /// Folds in an event the log recorded. Positions must grow (`EventHistory.append` checks): the log is the only
    /// writer.
    ///
    /// A correction or retraction rebuilds the entities it touches from their effective events, so that every read
    /// model stands exactly as if the original facts had been right; the cost is those entities' events, not the log.
    public mutating func evolve(_ recorded: RecordedEvent) {
        if let touched = index(recorded) {
            rebuild(touched)
        } else {
            projection.apply(recorded.event, position: recorded.position)
        }
    }

    /// Folds in an event the log recorded for a start under a snapshot: the history and every index as `evolve`
    /// keeps them, but not the read models, which the snapshot holds whole (`adopt(_:)` takes them once the events
    /// through its position are in).
    public mutating func restore(_ recorded: RecordedEvent) {
        _ = index(recorded)
    }

    /// Takes a snapshot's read models into a state that `restore(_:)` brought to the position they reflect.
    public mutating func adopt(_ models: ReadModels) {
        precondition(projection == Projection(), "read models are adopted only by a state that restored none")
        projection = models.projection
    }

    /// The history and the indexes' part of folding in an event: the entities a correction or retraction touches,
    /// whose records must be rebuilt, or nil for an event that the read models apply as it is.
    private mutating func index(_ recorded: RecordedEvent) -> Set<String>? {
        recordedEvents.append(recorded)
        let streamID = recorded.event.streamID
        switch recorded.event {
        case .eventCorrected(let correction):
            let replaced = effectiveEvent(at: correction.position)
            latestCorrectionIndex[correction.position] = recordedEvents.count - 1
            correctionPositions[correction.position, default: []].append(recorded.position)
            amendmentsByEntity[correction.corrected.entityID, default: []].append(recorded.position)
            if keepsIndexes {
                entityIndex.note(inStream: streamID, facts: correction.corrected, at: correction.position)
            }
            noteFormerlyNaming(replaced)
            return Set((replaced?.writtenEntityIDs ?? []) + correction.corrected.writtenEntityIDs)
        case .eventRetracted(let retraction):
            let replaced = effectiveEvent(at: retraction.position)
            if keepsIndexes { entityIndex.note(inStream: streamID, facts: nil, at: recorded.position) }
            retractionPosition[retraction.position] = recorded.position
            if let original = recordedEvent(at: retraction.position) {
                amendmentsByEntity[original.event.entityID, default: []].append(recorded.position)
            }
            noteFormerlyNaming(replaced)
            return Set(replaced?.writtenEntityIDs ?? [])
        default:
            if keepsIndexes { entityIndex.note(inStream: streamID, facts: recorded.event, at: recorded.position) }
            return nil
        }
    }

    /// The number of events in a stream, corrections and retractions of its events included; 0 for none.
    public func streamVersion(_ streamID: String) -> UInt64 {
        precondition(keepsIndexes, "a state kept for queries has no stream versions: decide on the head's state")
        return entityIndex.streamVersion(streamID)
    }

    /// The stream whose version `decide`'s `expectedVersion` is compared with.
    public func streamID(of command: Command) -> String {
        command.payload.streamID(in: self)
    }

    func person(_ id: String, field: String) throws(Rejection) -> PersonRecord {
        try projection.person(id, field: field)
    }

    /// Keeps the entity of facts being replaced under each person they name, since the person's record may stop
    /// listing it (a secondment moved to someone else, a grant retracted).
    private mutating func noteFormerlyNaming(_ replaced: Event?) {
        guard let replaced else { return }
        for person in replaced.namedPeople where !(formerlyNamingEntities[person] ?? []).contains(replaced.entityID) {
            formerlyNamingEntities[person, default: []].append(replaced.entityID)
        }
    }

    /// Replaces the records of `entityIDs` with a replay of the effective events that write to them, in log order.
    /// Sound because an `apply` function reads no record but the one it writes (a parent's only to see that it is
    /// there), and every event that writes to one of these records is in the replay: each of them comes out as a
    /// replay of the whole history would make it. The other records the replay writes are left in the scratch.
    private mutating func rebuild(_ entityIDs: Set<String>) {
        var scratch = Projection()
        for position in entityIndex.positions(of: entityIDs) {
            if let event = effectiveEvent(at: position) {
                scratch.apply(event, position: position)
            }
        }
        for entityID in entityIDs {
            projection.copyRecord(of: entityID, from: scratch)
        }
    }
}
