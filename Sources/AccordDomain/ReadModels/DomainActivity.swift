/// Activity in one domain in one year.
public struct DomainActivity: Codable, Sendable, Equatable {
    public var year: Int
    public var domain: String
    public var activity: ActivityCounts
}
