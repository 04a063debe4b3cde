/// Request body of `person.erase`: remove a person's name and e-mail, saying why and on what legal basis. Who and
/// when are the record's author and recorded time, set by the daemon.
public struct ErasePersonalData: Codable, Sendable, Equatable {
    public var personID: String
    public var reason: String
    /// The rule the erasure follows (for example "GDPR art. 17(1)(a)").
    public var legalBasis: String

    public init(personID: String, reason: String, legalBasis: String) {
        self.personID = personID
        self.reason = reason
        self.legalBasis = legalBasis
    }
}

extension ErasePersonalData: CommandPayload {
    static let commandName = "person.erase"

    func streamID(in state: LedgerState) -> String { StreamName.person(personID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .personalDataErased(PersonalDataErased(personID: personID, reason: reason, legalBasis: legalBasis))
    }
}
