/// One dated step in a site's or a person's history.
public struct TimelineEntry: Codable, Sendable, Equatable {
    /// The business day of the fact; for an extension, a correction or a retraction, which carry none, the day
    /// it was recorded (UTC).
    public var date: BusinessDate
    /// The event type that made the step (`SecondmentStarted`, `EventCorrected`).
    public var event: String
    /// The stream of what the step is about (`secondment/s1`).
    public var subject: String
    /// One line for people, built from ids only.
    public var summary: String
    /// The corrections and retractions that changed the facts of what the step is about, oldest first.
    public var corrections: [CorrectionMark] = []
}
