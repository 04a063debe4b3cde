extension Projection {
    /// Sets the record of `entityID` (`kind/id`) to the one `source` holds, removing it when `source` has none.
    mutating func copyRecord(of entityID: String, from source: Projection) {
        guard let slash = entityID.firstIndex(of: "/"), let kind = EntityKind(rawValue: String(entityID[..<slash]))
        else {
            preconditionFailure("\(entityID) is not an entity id")
        }
        let id = String(entityID[entityID.index(after: slash)...])
        switch kind {
        case .institution: institutions[id] = source.institutions[id]
        case .site: sites[id] = source.sites[id]
        case .agreement: agreements[id] = source.agreements[id]
        case .person: people[id] = source.people[id]
        case .secondment: secondments[id] = source.secondments[id]
        case .grant: grants[id] = source.grants[id]
        case .meeting: meetings[id] = source.meetings[id]
        case .project: projects[id] = source.projects[id]
        case .expertise: expertise[id] = source.expertise[id]
        }
    }
}
