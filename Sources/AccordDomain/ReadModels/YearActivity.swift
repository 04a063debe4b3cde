/// All activity in one year, with or without a domain.
public struct YearActivity: Codable, Sendable, Equatable {
    public var year: Int
    public var activity: ActivityCounts
}
