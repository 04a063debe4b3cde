extension LedgerState {
    /// Secondments matching `filter`, by start date then id; their status is judged on `filter.on` when given.
    public func secondments(filter: SecondmentFilter = SecondmentFilter()) -> [SecondmentView] {
        secondmentViews(projection.secondments.values.filter(filter.matches).map(\.started.secondmentID), on: filter.day)
    }

    /// One secondment; its status is judged on `on` when given.
    public func secondment(id: String, on date: BusinessDate? = nil) -> SecondmentView? {
        secondmentViews([id], on: date).first
    }
}
