/// How much happened under an agreement, in a domain or in a year.
public struct ActivityCounts: Codable, Sendable, Equatable {
    public var secondments: Int
    public var accessGrants: Int
    public var meetings: Int
    public var projects: Int
    public var expertise: Int
}

extension ActivityCounts {
    static let zero = ActivityCounts(secondments: 0, accessGrants: 0, meetings: 0, projects: 0, expertise: 0)
}
