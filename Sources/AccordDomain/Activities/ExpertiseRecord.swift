struct ExpertiseRecord: Sendable {
    var delivered: ExpertiseDelivered
    var position: UInt64
}
