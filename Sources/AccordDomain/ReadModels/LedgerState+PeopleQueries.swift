extension LedgerState {
    /// Every registered person, by id.
    public func people() -> [PersonView] {
        projection.people.values.map(personView).sorted { $0.personID < $1.personID }
    }

    /// A person's whole history with the partnership: secondments, grants to them, expertise, in date order; its
    /// timeline also has the extensions of their secondments and the corrections and retractions of events about
    /// them.
    public func personHistory(id: String) -> PersonHistory? {
        guard let record = projection.people[id] else {
            return nil
        }
        let secondments = secondmentViews(record.secondments, on: nil)
        let grants = accessGrantViews(record.grants, on: nil)
        let expertise = expertiseViews(record.expertise)
        return PersonHistory(
            person: personView(record),
            secondments: secondments,
            accessGrants: grants,
            expertise: expertise,
            timeline: Timeline.entries(
                secondments: secondments,
                grants: grants,
                expertise: expertise,
                recorded: recordedSteps(concerning: id)
            )
        )
    }
}
