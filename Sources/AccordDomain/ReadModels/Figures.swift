/// Yearly figures of the partnership. Each activity counts in the year of its first day: a secondment's
/// start, a grant's first valid day, a meeting, a project's joining, an expertise's delivery.
public struct Figures: Codable, Sendable, Equatable {
    /// The year asked for; absent for all years.
    public var year: Int?
    /// By year, home and host institution.
    public var mobilityFlows: [MobilityFlow]
    /// By year and domain; activities without a domain count only in `totals`.
    public var activityByDomain: [DomainActivity]
    /// By year and axis.
    public var activityByAxis: [AxisActivity]
    /// By year.
    public var totals: [YearActivity]
}
