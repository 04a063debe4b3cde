extension Projection {
    func checkPerson(_ event: PersonRegistered) throws(Rejection) {
        try checkUnused(people[event.personID], kind: .person, id: event.personID, field: "personID")
        _ = try institution(event.homeInstitution, field: "homeInstitution")
    }

    mutating func applyPerson(_ event: PersonRegistered, position: UInt64) {
        people[event.personID] = PersonRecord(registered: event, position: position)
    }
}
