/// Request body of `project.join`.
public struct JoinProject: Codable, Sendable, Equatable {
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

extension JoinProject: CommandPayload {
    static let commandName = "project.join"

    func streamID(in state: LedgerState) -> String { StreamName.project(projectID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .projectJoined(
            ProjectJoined(
                projectID: projectID,
                agreement: agreement,
                kind: kind,
                title: title,
                domain: domain,
                joinedOn: joinedOn,
                plannedEnd: plannedEnd
            )
        )
    }
}
