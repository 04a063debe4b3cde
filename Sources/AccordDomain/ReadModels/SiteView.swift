/// A site of an institution and the facilities it offers.
public struct SiteView: Codable, Sendable, Equatable {
    public var siteID: String
    public var institution: String
    public var name: String
    public var country: String
    public var facilities: [String]
    /// Where its registration stands in the log.
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension SiteView {
    init(_ record: SiteRecord) {
        let site = record.registered
        self.init(
            siteID: site.siteID,
            institution: site.institution,
            name: site.name,
            country: site.country,
            facilities: site.facilities,
            position: record.position
        )
    }
}
