/// A registered person: ids and unit only; the name lives apart, under `personalDataReference`.
public struct PersonView: Codable, Sendable, Equatable {
    public var personID: String
    public var homeInstitution: String
    public var unit: String
    public var personalDataReference: String?
    public var position: UInt64
}

extension PersonView {
    init(_ record: PersonRecord) {
        let registered = record.registered
        self.init(
            personID: registered.personID,
            homeInstitution: registered.homeInstitution,
            unit: registered.unit,
            personalDataReference: registered.personalDataReference,
            position: record.position
        )
    }
}
