/// A person's personal data (name, e-mail) was erased: the file beside the log is gone, the ids and every hash
/// stay. Who erased it and when are the record's author and recorded time.
public struct PersonalDataErased: Codable, Sendable, Equatable {
    public var personID: String
    public var reason: String
    public var legalBasis: String

    public init(personID: String, reason: String, legalBasis: String) {
        self.personID = personID
        self.reason = reason
        self.legalBasis = legalBasis
    }
}

extension PersonalDataErased: EventPayload {
    static let typeName = "PersonalDataErased"

    var streamID: String { StreamName.person(personID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(personID, field: "personID")
        try Check.text(reason, field: "reason")
        try Check.text(legalBasis, field: "legalBasis")
    }
}
