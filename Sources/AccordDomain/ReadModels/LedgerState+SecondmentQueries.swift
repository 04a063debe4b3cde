extension LedgerState {
    /// Secondments matching `filter`, by start date then id.
    public func secondments(filter: SecondmentFilter = SecondmentFilter()) -> [SecondmentView] {
        projection.secondments.values.filter(filter.matches).map(SecondmentView.init)
            .sorted { ($0.startedOn, $0.secondmentID) < ($1.startedOn, $1.secondmentID) }
    }

    public func secondment(id: String) -> SecondmentView? {
        projection.secondments[id].map(SecondmentView.init)
    }
}
