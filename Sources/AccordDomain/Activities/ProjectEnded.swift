/// The end of a joint project.
public struct ProjectEnded: Codable, Sendable, Equatable {
    public var projectID: String
    public var endedOn: BusinessDate
    public var outcome: String

    public init(projectID: String, endedOn: BusinessDate, outcome: String) {
        self.projectID = projectID
        self.endedOn = endedOn
        self.outcome = outcome
    }
}

extension ProjectEnded: EventPayload {
    static let typeName = "ProjectEnded"

    var streamID: String { StreamName.project(projectID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(projectID, field: "projectID")
        try Check.text(outcome, field: "outcome")
    }
}
