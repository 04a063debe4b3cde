/// The replay that a correction's or retraction's rules need (the effective history with one event replaced,
/// every event from it on checked), made ahead on an earlier version of the state: the engine makes it outside its
/// lock, on the durable state, so that deciding the amendment under the lock only checks the events recorded since.
/// It is taken up only while those events hold no correction or retraction (they would change the history it
/// replayed); otherwise the decision replays the whole history itself.
public struct HistoryCheck: Sendable {
    /// The position replaced, and what replaces it (nil for a retraction).
    let position: UInt64
    let replacement: Event?
    /// The last event the replay covered, as that state recorded it: a later version must hold the same one there.
    let lastReplayed: RecordedEvent
    let outcome: Outcome

    enum Outcome: Sendable {
        /// Every event through `lastReplayed` passed; the projection is the replaced history's through it.
        case passed(Projection)
        case broken(Rejection)
    }
}
