struct ExpertiseRecord: Sendable, Codable, Equatable {
    var delivered: ExpertiseDelivered
    var position: UInt64
}
