/// An institution that takes part in agreements (`cnrs`, `jrc`).
public struct InstitutionRegistered: Codable, Sendable, Equatable {
    public var institutionID: String
    public var name: String
    /// ISO 3166-1 alpha-2 code, or `EU` for bodies of the European Union.
    public var country: String
    public var kind: InstitutionKind

    public init(institutionID: String, name: String, country: String, kind: InstitutionKind) {
        self.institutionID = institutionID
        self.name = name
        self.country = country
        self.kind = kind
    }
}

extension InstitutionRegistered: EventPayload {
    static let typeName = "InstitutionRegistered"

    var streamID: String { StreamName.institution(institutionID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(institutionID, field: "institutionID")
        try Check.text(name, field: "name")
        try Check.country(country, field: "country")
    }
}
