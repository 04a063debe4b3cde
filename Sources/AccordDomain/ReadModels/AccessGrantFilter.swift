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

    public init(
        on: BusinessDate? = nil,
        site: String? = nil,
        facility: String? = nil,
        agreement: String? = nil,
        grantee: String? = nil,
        expiringWithinDays: Int? = nil
    ) {
        self.on = on
        self.site = site
        self.facility = facility
        self.agreement = agreement
        self.grantee = grantee
        self.expiringWithinDays = expiringWithinDays
    }

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
