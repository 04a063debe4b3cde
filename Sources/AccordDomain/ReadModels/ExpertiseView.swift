/// Expertise delivered under an agreement.
public struct ExpertiseView: Codable, Sendable, Equatable {
    public var expertiseID: String
    public var agreement: String
    public var deliveredOn: BusinessDate
    public var people: [String]
    public var policyArea: String
    public var axis: Axis
    public var summary: String
    public var domain: String?
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension ExpertiseView {
    init(_ record: ExpertiseRecord) {
        let delivered = record.delivered
        self.init(
            expertiseID: delivered.expertiseID,
            agreement: delivered.agreement,
            deliveredOn: delivered.deliveredOn,
            people: delivered.people,
            policyArea: delivered.policyArea,
            axis: delivered.axis,
            summary: delivered.summary,
            domain: delivered.domain,
            position: record.position
        )
    }
}
