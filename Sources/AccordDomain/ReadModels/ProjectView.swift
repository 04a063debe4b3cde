/// Joint work under an agreement.
public struct ProjectView: Codable, Sendable, Equatable {
    public var projectID: String
    public var agreement: String
    public var kind: ProjectKind
    public var title: String
    public var domain: String
    public var joinedOn: BusinessDate
    public var plannedEnd: BusinessDate?
    public var endedOn: BusinessDate?
    public var outcome: String?
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension ProjectView {
    init(_ record: ProjectRecord) {
        let joined = record.joined
        self.init(
            projectID: joined.projectID,
            agreement: joined.agreement,
            kind: joined.kind,
            title: joined.title,
            domain: joined.domain,
            joinedOn: joined.joinedOn,
            plannedEnd: joined.plannedEnd,
            endedOn: record.ending?.endedOn,
            outcome: record.ending?.outcome,
            position: record.position
        )
    }
}
