/// A site of one institution (`ispra` of `jrc`) and the facilities it offers.
public struct SiteRegistered: Codable, Sendable, Equatable {
    public var siteID: String
    /// The one institution the site belongs to.
    public var institution: String
    public var name: String
    /// ISO 3166-1 alpha-2 code.
    public var country: String
    /// Facility ids, unique within the site (`reactor-lab`, `hpc`).
    public var facilities: [String]

    public init(siteID: String, institution: String, name: String, country: String, facilities: [String]) {
        self.siteID = siteID
        self.institution = institution
        self.name = name
        self.country = country
        self.facilities = facilities
    }
}

extension SiteRegistered: EventPayload {
    static let typeName = "SiteRegistered"

    var streamID: String { StreamName.site(siteID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(siteID, field: "siteID")
        try Check.identifier(institution, field: "institution")
        try Check.text(name, field: "name")
        try Check.country(country, field: "country")
        try Check.identifiers(facilities, field: "facilities")
    }
}
