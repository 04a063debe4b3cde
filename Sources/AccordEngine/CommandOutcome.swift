import AccordLog

/// What an accepted command produced. `replayed` marks a repeated request id: the events are the first ones.
/// `erasureUnfinished` is why a recorded erasure's personal-data file could not be removed yet (it is retried).
public struct CommandOutcome: Sendable, Equatable {
    public var events: [StoredEvent]
    public var head: ChainHead
    public var replayed: Bool
    public var erasureUnfinished: String? = nil

    /// The code of a recorded erasure whose file is still on disk (the receipt's warning).
    public static let erasureUnfinishedCode = "personal_data_not_erased"
}
