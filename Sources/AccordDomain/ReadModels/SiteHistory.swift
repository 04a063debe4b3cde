/// Everything that happened at a site, in date order.
public struct SiteHistory: Codable, Sendable, Equatable {
    public var site: SiteView
    /// Secondments hosted, by start date.
    public var secondments: [SecondmentView]
    /// Access grants to its facilities, by first valid day.
    public var accessGrants: [AccessGrantView]
    /// Starts, ends, grants and revocations, by date.
    public var timeline: [TimelineEntry]
}
