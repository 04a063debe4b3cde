extension Projection {
    func institution(_ id: String, field: String) throws(Rejection) -> InstitutionRecord {
        try found(institutions[id], kind: .institution, id: id, field: field)
    }

    func site(_ id: String, field: String) throws(Rejection) -> SiteRecord {
        try found(sites[id], kind: .site, id: id, field: field)
    }

    func agreement(_ id: String, field: String) throws(Rejection) -> AgreementRecord {
        try found(agreements[id], kind: .agreement, id: id, field: field)
    }

    func person(_ id: String, field: String) throws(Rejection) -> PersonRecord {
        try found(people[id], kind: .person, id: id, field: field)
    }

    func secondment(_ id: String, field: String) throws(Rejection) -> SecondmentRecord {
        try found(secondments[id], kind: .secondment, id: id, field: field)
    }

    func grant(_ id: String, field: String) throws(Rejection) -> GrantRecord {
        try found(grants[id], kind: .grant, id: id, field: field)
    }

    func project(_ id: String, field: String) throws(Rejection) -> ProjectRecord {
        try found(projects[id], kind: .project, id: id, field: field)
    }

    /// Refuses an id already taken in its kind.
    func checkUnused<Record>(_ existing: Record?, kind: EntityKind, id: String, field: String) throws(Rejection) {
        if existing != nil {
            throw Rejection.duplicateID(kind: kind, id: id, field: field)
        }
    }

    private func found<Record>(_ record: Record?, kind: EntityKind, id: String, field: String) throws(Rejection)
        -> Record
    {
        guard let record else {
            throw Rejection.unknown(kind: kind, id: id, field: field)
        }
        return record
    }
}
