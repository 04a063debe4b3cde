/// Which access grants to list; every field left out matches all.
public struct AccessGrantFilter: Codable, Sendable, Equatable {
    /// Only grants valid on this day (from `validFrom` to `validUntil`, and before any revocation).
    public var on: BusinessDate?
    public var site: String?
    public var facility: String?
    public var agreement: String?
    /// A person id or a team id.
    public var grantee: String?
    /// Only grants valid on `on` whose last valid day is at most this many days after it. Needs `on`: without a
    /// day to count from, no grant matches.
    public var expiringWithinDays: Int?
    /// The day statuses are judged on when `on` is not given, without keeping only the grants valid that day.
    public var statusOn: BusinessDate?

    public init(
        on: BusinessDate? = nil,
        site: String? = nil,
        facility: String? = nil,
        agreement: String? = nil,
        grantee: String? = nil,
        expiringWithinDays: Int? = nil,
        statusOn: BusinessDate? = nil
    ) {
        self.on = on
        self.site = site
        self.facility = facility
        self.agreement = agreement
        self.grantee = grantee
        self.expiringWithinDays = expiringWithinDays
        self.statusOn = statusOn
    }

    /// The day the statuses are judged on.
    var day: BusinessDate? { on ?? statusOn }

    func matches(_ record: GrantRecord) -> Bool {
        let granted = record.granted
        let expiring =
            expiringWithinDays.map { days in
                on.map { record.isValid(on: $0) && $0.days(until: record.lastValidDay) <= days } ?? false
            } ?? true
        return (on.map { record.isValid(on: $0) } ?? true)
            && expiring
            && (site.map { $0 == granted.site } ?? true)
            && (facility.map { $0 == granted.facility } ?? true)
            && (agreement.map { $0 == granted.agreement } ?? true)
            && (grantee.map { $0 == granted.grantee } ?? true)
    }
}
