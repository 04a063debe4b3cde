struct GrantRecord: Sendable {
    var granted: InfrastructureAccessGranted
    var position: UInt64
    var revocation: InfrastructureAccessRevoked?

    /// The last valid day: the day before a revocation takes effect, or else the end of validity.
    var lastValidDay: BusinessDate {
        guard let revocation, revocation.revokedOn <= granted.validUntil else {
            return granted.validUntil
        }
        return revocation.revokedOn.adding(days: -1)
    }

    func isValid(on date: BusinessDate) -> Bool {
        granted.validFrom <= date && date <= lastValidDay
    }
}
