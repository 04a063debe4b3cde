/// An agreement as listed: parties, domains, standing on the day asked, and activity counts.
public struct AgreementSummary: Codable, Sendable, Equatable {
    public var agreementID: String
    public var title: String
    public var kind: AgreementKind
    public var parties: [String]
    public var signedOn: BusinessDate
    /// The current last day in force, extensions included; absent when open-ended.
    public var validUntil: BusinessDate?
    public var terminatedOn: BusinessDate?
    /// The day `status` is judged on; absent when the query gave no day.
    public var statusOn: BusinessDate?
    public var status: AgreementStatus?
    /// Domains open on `statusOn`, or every domain ever opened when no day was given.
    public var domains: [String]
    /// Everything recorded under the agreement, whatever the day.
    public var activity: ActivityCounts
    /// Where its signing stands in the log.
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}
