struct InstitutionRecord: Sendable {
    var registered: InstitutionRegistered
    var position: UInt64
}
