/// An institution, its sites and the agreements it is party to.
public struct InstitutionView: Codable, Sendable, Equatable {
    public var institutionID: String
    public var name: String
    public var country: String
    public var kind: InstitutionKind
    /// Site ids, sorted.
    public var sites: [String]
    /// Ids of the agreements it is party to, sorted.
    public var agreements: [String]
    /// Where its registration stands in the log.
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}
