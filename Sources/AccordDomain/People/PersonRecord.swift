struct PersonRecord: Sendable, Codable {
    var registered: PersonRegistered
    var position: UInt64
    var secondments: [String] = []
    var grants: [String] = []
    var expertise: [String] = []
}
