/// A person who may be seconded, granted access or named in expertise.
///
/// No name or contact detail is stored here: personal data lives outside the hash-chained facts, so it can be
/// erased; `personalDataReference` is the opaque key under which the engine keeps it.
public struct PersonRegistered: Codable, Sendable, Equatable {
    public var personID: String
    public var homeInstitution: String
    /// The person's unit or laboratory (`UMR 8097`): organisational, not personal, data.
    public var unit: String
    public var personalDataReference: String?

    public init(personID: String, homeInstitution: String, unit: String, personalDataReference: String? = nil) {
        self.personID = personID
        self.homeInstitution = homeInstitution
        self.unit = unit
        self.personalDataReference = personalDataReference
    }
}

extension PersonRegistered: EventPayload {
    static let typeName = "PersonRegistered"

    var streamID: String { StreamName.person(personID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(personID, field: "personID")
        try Check.identifier(homeInstitution, field: "homeInstitution")
        try Check.text(unit, field: "unit")
        if let personalDataReference {
            try Check.text(personalDataReference, field: "personalDataReference")
        }
    }
}
