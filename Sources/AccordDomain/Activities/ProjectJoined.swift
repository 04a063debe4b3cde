/// Joint work under an agreement: a European project, modelling work or an expertise.
public struct ProjectJoined: Codable, Sendable, Equatable {
    public var projectID: String
    public var agreement: String
    public var kind: ProjectKind
    public var title: String
    public var domain: String
    public var joinedOn: BusinessDate
    public var plannedEnd: BusinessDate?

    public init(
        projectID: String,
        agreement: String,
        kind: ProjectKind,
        title: String,
        domain: String,
        joinedOn: BusinessDate,
        plannedEnd: BusinessDate? = nil
    ) {
        self.projectID = projectID
        self.agreement = agreement
        self.kind = kind
        self.title = title
        self.domain = domain
        self.joinedOn = joinedOn
        self.plannedEnd = plannedEnd
    }
}

extension ProjectJoined: EventPayload {
    static let typeName = "ProjectJoined"

    var streamID: String { StreamName.project(projectID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(projectID, field: "projectID")
        try Check.identifier(agreement, field: "agreement")
        try Check.text(title, field: "title")
        try Check.identifier(domain, field: "domain")
        if let plannedEnd {
            try Check.order(start: joinedOn, end: plannedEnd, startField: "joinedOn", endField: "plannedEnd")
        }
    }
}
