struct PersonRecord: Sendable, Codable, Equatable {
    var registered: PersonRegistered
    var position: UInt64
    var secondments: [String] = []
    var grants: [String] = []
    var expertise: [String] = []
    /// Set once the person's personal data was erased.
    var erasure: Erasure?

    struct Erasure: Sendable, Codable, Equatable {
        var event: PersonalDataErased
        var position: UInt64
    }
}
