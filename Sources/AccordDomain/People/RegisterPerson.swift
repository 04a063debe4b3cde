/// Request body of `person.register`.
///
/// Names and contact details are not part of it: the engine stores them apart and fills `personalDataReference`.
public struct RegisterPerson: Codable, Sendable, Equatable {
    public var personID: String
    public var homeInstitution: String
    public var unit: String
    /// Set by the engine, never by the client.
    public var personalDataReference: String?

    public init(personID: String, homeInstitution: String, unit: String, personalDataReference: String? = nil) {
        self.personID = personID
        self.homeInstitution = homeInstitution
        self.unit = unit
        self.personalDataReference = personalDataReference
    }
}

extension RegisterPerson: CommandPayload {
    static let commandName = "person.register"

    func streamID(in state: LedgerState) -> String { StreamName.person(personID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .personRegistered(
            PersonRegistered(
                personID: personID,
                homeInstitution: homeInstitution,
                unit: unit,
                personalDataReference: personalDataReference
            )
        )
    }
}
