struct ProjectRecord: Sendable, Codable, Equatable {
    var joined: ProjectJoined
    var position: UInt64
    var ending: ProjectEnded?

    /// The last day the project runs under its agreement as the record stands: the actual end, or else the planned
    /// end, or else the joining day.
    var lastDay: BusinessDate {
        ending?.endedOn ?? joined.plannedEnd ?? joined.joinedOn
    }
}
