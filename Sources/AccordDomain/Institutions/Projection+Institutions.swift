extension Projection {
    func checkInstitution(_ event: InstitutionRegistered) throws(Rejection) {
        try checkUnused(
            institutions[event.institutionID],
            kind: .institution,
            id: event.institutionID,
            field: "institutionID"
        )
    }

    /// A site belongs to exactly one institution, which must already be known.
    func checkSite(_ event: SiteRegistered) throws(Rejection) {
        try checkUnused(sites[event.siteID], kind: .site, id: event.siteID, field: "siteID")
        _ = try institution(event.institution, field: "institution")
    }

    mutating func applyInstitution(_ event: InstitutionRegistered, position: UInt64) {
        institutions[event.institutionID] = InstitutionRecord(registered: event, position: position)
    }

    mutating func applySite(_ event: SiteRegistered, position: UInt64) {
        sites[event.siteID] = SiteRecord(registered: event, position: position)
    }
}
