/// Everything a person did under the partnership, in date order.
public struct PersonHistory: Codable, Sendable, Equatable {
    public var person: PersonView
    /// By start date.
    public var secondments: [SecondmentView]
    /// Grants to the person, by first valid day.
    public var accessGrants: [AccessGrantView]
    /// By delivery date.
    public var expertise: [ExpertiseView]
    public var timeline: [TimelineEntry]
}
