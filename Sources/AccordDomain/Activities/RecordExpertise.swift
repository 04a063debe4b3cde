/// Request body of `expertise.record`.
public struct RecordExpertise: Codable, Sendable, Equatable {
    public var expertiseID: String
    public var agreement: String
    public var deliveredOn: BusinessDate
    /// Registered person ids.
    public var people: [String]
    public var policyArea: String
    public var axis: Axis
    public var summary: String
    public var domain: String?

    public init(
        expertiseID: String,
        agreement: String,
        deliveredOn: BusinessDate,
        people: [String],
        policyArea: String,
        axis: Axis,
        summary: String,
        domain: String? = nil
    ) {
        self.expertiseID = expertiseID
        self.agreement = agreement
        self.deliveredOn = deliveredOn
        self.people = people
        self.policyArea = policyArea
        self.axis = axis
        self.summary = summary
        self.domain = domain
    }
}

extension RecordExpertise: CommandPayload {
    static let commandName = "expertise.record"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreement) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .expertiseDelivered(
            ExpertiseDelivered(
                expertiseID: expertiseID,
                agreement: agreement,
                deliveredOn: deliveredOn,
                people: people,
                policyArea: policyArea,
                axis: axis,
                summary: summary,
                domain: domain
            )
        )
    }
}
