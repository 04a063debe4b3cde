struct InstitutionRecord: Sendable, Codable {
    var registered: InstitutionRegistered
    var position: UInt64
}
