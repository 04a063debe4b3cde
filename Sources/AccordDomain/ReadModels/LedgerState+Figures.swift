extension LedgerState {
    /// Mobility flows and activity per domain, per axis and in total, per year; one year when `year` is given.
    public func figures(year: Int? = nil) -> Figures {
        var tally = FiguresTally(onlyYear: year)
        for record in projection.secondments.values {
            let started = record.started
            tally.flow(year: started.startedOn.year, from: started.homeInstitution, to: started.hostInstitution)
            tally.count(\.secondments, year: started.startedOn.year, domain: started.domain)
        }
        for record in projection.grants.values {
            tally.count(\.accessGrants, year: record.granted.validFrom.year, domain: record.granted.domain)
        }
        for record in projection.meetings.values {
            tally.count(\.meetings, year: record.held.heldOn.year, domain: record.held.domain)
        }
        for record in projection.projects.values {
            tally.count(\.projects, year: record.joined.joinedOn.year, domain: record.joined.domain)
        }
        for record in projection.expertise.values {
            let delivered = record.delivered
            tally.count(\.expertise, year: delivered.deliveredOn.year, domain: delivered.domain)
            tally.axis(delivered.axis, year: delivered.deliveredOn.year)
        }
        return tally.figures
    }
}
