struct InstitutionRecord: Sendable, Codable, Equatable {
    var registered: InstitutionRegistered
    var position: UInt64
}
