struct ProjectRecord: Sendable {
    var joined: ProjectJoined
    var position: UInt64
    var ending: ProjectEnded?
}
