struct SiteRecord: Sendable, Codable {
    var registered: SiteRegistered
    var position: UInt64
    var secondments: [String] = []
    var grants: [String] = []
}
