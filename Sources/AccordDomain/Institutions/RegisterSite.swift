/// Request body of `site.register`.
public struct RegisterSite: Codable, Sendable, Equatable {
    public var siteID: String
    public var institution: String
    public var name: String
    public var country: String
    public var facilities: [String]

    public init(siteID: String, institution: String, name: String, country: String, facilities: [String]) {
        self.siteID = siteID
        self.institution = institution
        self.name = name
        self.country = country
        self.facilities = facilities
    }
}

extension RegisterSite: CommandPayload {
    static let commandName = "site.register"

    func streamID(in state: LedgerState) -> String { StreamName.site(siteID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .siteRegistered(
            SiteRegistered(
                siteID: siteID,
                institution: institution,
                name: name,
                country: country,
                facilities: facilities
            )
        )
    }
}
