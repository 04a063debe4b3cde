struct ExpertiseRecord: Sendable, Codable {
    var delivered: ExpertiseDelivered
    var position: UInt64
}
