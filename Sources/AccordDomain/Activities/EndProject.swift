/// Request body of `project.end`.
public struct EndProject: Codable, Sendable, Equatable {
    public var projectID: String
    public var endedOn: BusinessDate
    public var outcome: String

    public init(projectID: String, endedOn: BusinessDate, outcome: String) {
        self.projectID = projectID
        self.endedOn = endedOn
        self.outcome = outcome
    }
}

extension EndProject: CommandPayload {
    static let commandName = "project.end"

    func streamID(in state: LedgerState) -> String { StreamName.project(projectID) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .projectEnded(
            ProjectEnded(
                projectID: projectID,
                endedOn: endedOn,
                outcome: outcome
            )
        )
    }
}
