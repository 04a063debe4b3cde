/// One agreement with its history and every activity under it.
public struct AgreementDetail: Codable, Sendable, Equatable {
    public var agreementID: String
    public var title: String
    public var kind: AgreementKind
    public var parties: [String]
    public var signedOn: BusinessDate
    /// The current last day in force, extensions included.
    public var validUntil: BusinessDate?
    /// Each validity end it was extended to, in order.
    public var extensions: [BusinessDate]
    public var terminatedOn: BusinessDate?
    public var terminationReason: String?
    public var statusOn: BusinessDate?
    public var status: AgreementStatus?
    /// The domains open on `statusOn`, or every domain ever opened when no day was given; in the order opened.
    public var domains: [AgreementDomainView]
    public var activity: ActivityCounts
    public var secondments: [SecondmentView]
    public var accessGrants: [AccessGrantView]
    public var meetings: [MeetingView]
    public var projects: [ProjectView]
    public var expertise: [ExpertiseView]
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}
