/// Request body of `institution.register`.
public struct RegisterInstitution: Codable, Sendable, Equatable {
    public var institutionID: String
    public var name: String
    /// ISO 3166-1 alpha-2 code, or `EU`.
    public var country: String
    public var kind: InstitutionKind

    public init(institutionID: String, name: String, country: String, kind: InstitutionKind) {
        self.institutionID = institutionID
        self.name = name
        self.country = country
        self.kind = kind
    }
}

extension RegisterInstitution: CommandPayload {
    static let commandName = "institution.register"

    func streamID(in state: LedgerState) -> String { StreamName.institution(institutionID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .institutionRegistered(
            InstitutionRegistered(
                institutionID: institutionID,
                name: name,
                country: country,
                kind: kind
            )
        )
    }
}
