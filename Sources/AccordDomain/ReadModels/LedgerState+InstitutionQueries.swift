extension LedgerState {
    /// Every institution, by id.
    public func institutions() -> [InstitutionView] {
        let sitesByInstitution = Dictionary(grouping: projection.sites.values, by: \.registered.institution)
        return projection.institutions.values
            .map { institutionView($0, sites: sitesByInstitution[$0.registered.institutionID] ?? []) }
            .sorted { $0.institutionID < $1.institutionID }
    }

    /// One institution, found by its id rather than by listing them all.
    public func institution(id: String) -> InstitutionView? {
        projection.institutions[id].map { record in
            institutionView(record, sites: projection.sites.values.filter { $0.registered.institution == id })
        }
    }

    private func institutionView(_ record: InstitutionRecord, sites: [SiteRecord]) -> InstitutionView {
        let id = record.registered.institutionID
        return marked(
            InstitutionView(
                institutionID: id,
                name: record.registered.name,
                country: record.registered.country,
                kind: record.registered.kind,
                sites: sites.map(\.registered.siteID).sorted(),
                agreements: projection.agreements.values.filter { $0.signed.parties.contains(id) }
                    .map(\.signed.agreementID).sorted(),
                position: record.position
            )
        )
    }

    /// Every site, or the sites of one institution, by id.
    public func sites(institution: String? = nil) -> [SiteView] {
        projection.sites.values
            .filter { record in institution.map { $0 == record.registered.institution } ?? true }
            .map(SiteView.init).map(marked)
            .sorted { $0.siteID < $1.siteID }
    }

    /// A site's whole history: secondments hosted and access grants, in date order.
    public func site(id: String) -> SiteHistory? {
        guard let record = projection.sites[id] else {
            return nil
        }
        let secondments = secondmentViews(record.secondments, on: nil)
        let grants = accessGrantViews(record.grants, on: nil)
        return SiteHistory(
            site: marked(SiteView(record)),
            secondments: secondments,
            accessGrants: grants,
            timeline: Timeline.entries(secondments: secondments, grants: grants, expertise: [])
        )
    }
}
