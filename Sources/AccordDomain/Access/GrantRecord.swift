struct GrantRecord: Sendable, Codable, Equatable {
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

    /// The standing on `date`, or from the log alone when no day is given; see `AccessGrantStatus`. A revocation
    /// lies within the validity (the rules refuse any other), so it decides from its day on.
    func status(on date: BusinessDate?) -> AccessGrantStatus {
        guard let date else {
            return revocation == nil ? .granted : .revoked
        }
        if date < granted.validFrom {
            return .notYetValid
        }
        if let revocation, revocation.revokedOn <= date {
            return .revoked
        }
        return date <= granted.validUntil ? .valid : .expired
    }

    func isValid(on date: BusinessDate) -> Bool {
        granted.validFrom <= date && date <= lastValidDay
    }
}
