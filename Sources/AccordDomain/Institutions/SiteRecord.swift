struct SiteRecord: Sendable, Codable, Equatable {
    var registered: SiteRegistered
    var position: UInt64
    var secondments: [String] = []
    var grants: [String] = []
}
