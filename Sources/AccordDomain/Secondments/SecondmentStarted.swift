/// A person goes from their home institution to a host site under an agreement.
public struct SecondmentStarted: Codable, Sendable, Equatable {
    public var secondmentID: String
    public var person: String
    public var agreement: String
    public var homeInstitution: String
    public var hostInstitution: String
    public var hostSite: String
    public var mode: SecondmentMode
    public var domain: String
    public var startedOn: BusinessDate
    /// The last day planned at the host.
    public var plannedEnd: BusinessDate

    public init(
        secondmentID: String,
        person: String,
        agreement: String,
        homeInstitution: String,
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

extension SecondmentStarted: EventPayload {
    static let typeName = "SecondmentStarted"

    var streamID: String { StreamName.secondment(secondmentID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(secondmentID, field: "secondmentID")
        try Check.identifier(person, field: "person")
        try Check.identifier(agreement, field: "agreement")
        try Check.identifier(homeInstitution, field: "homeInstitution")
        try Check.identifier(hostInstitution, field: "hostInstitution")
        try Check.identifier(hostSite, field: "hostSite")
        try Check.identifier(domain, field: "domain")
        try Check.order(start: startedOn, end: plannedEnd, startField: "startedOn", endField: "plannedEnd")
    }
}
