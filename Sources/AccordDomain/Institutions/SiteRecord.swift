struct SiteRecord: Sendable {
    var registered: SiteRegistered
    var position: UInt64
    var secondments: [String] = []
    var grants: [String] = []
}
