extension LedgerState {
    /// Access grants matching `filter`, by first valid day then id. `daysLeft` counts from `filter.on`.
    public func accessGrants(filter: AccessGrantFilter = AccessGrantFilter()) -> [AccessGrantView] {
        projection.grants.values.filter(filter.matches).map { accessGrantView($0, on: filter.day) }
            .sorted { ($0.validFrom, $0.grantID) < ($1.validFrom, $1.grantID) }
    }

    /// One grant; `daysLeft` counts from `on` when given.
    public func accessGrant(id: String, on date: BusinessDate? = nil) -> AccessGrantView? {
        projection.grants[id].map { accessGrantView($0, on: date) }
    }
}
