/// Request body of `secondment.start`.
public struct StartSecondment: Codable, Sendable, Equatable {
    public var secondmentID: String
    public var person: String
    public var agreement: String
    /// Defaults to the person's home institution; when given it must be that one.
    public var homeInstitution: String?
    public var hostInstitution: String
    public var hostSite: String
    public var mode: SecondmentMode
    public var domain: String
    public var startedOn: BusinessDate
    public var plannedEnd: BusinessDate

    public init(
        secondmentID: String,
        person: String,
        agreement: String,
        homeInstitution: String? = nil,
        hostInstitution: String,
        hostSite: String,
        mode: SecondmentMode,
        domain: String,
        startedOn: BusinessDate,
        plannedEnd: BusinessDate
    ) {
        self.secondmentID = secondmentID
        self.person = person
        self.agreement = agreement
        self.homeInstitution = homeInstitution
        self.hostInstitution = hostInstitution
        self.hostSite = hostSite
        self.mode = mode
        self.domain = domain
        self.startedOn = startedOn
        self.plannedEnd = plannedEnd
    }
}

extension StartSecondment: CommandPayload {
    static let commandName = "secondment.start"

    func streamID(in state: LedgerState) -> String { StreamName.secondment(secondmentID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        try Check.identifier(person, field: "person")
        let home: String
        if let homeInstitution {
            home = homeInstitution
        } else {
            home = try state.person(person, field: "person").registered.homeInstitution
        }
        return .secondmentStarted(
            SecondmentStarted(
                secondmentID: secondmentID,
                person: person,
                agreement: agreement,
                homeInstitution: home,
                hostInstitution: hostInstitution,
                hostSite: hostSite,
                mode: mode,
                domain: domain,
                startedOn: startedOn,
                plannedEnd: plannedEnd
            )
        )
    }
}
