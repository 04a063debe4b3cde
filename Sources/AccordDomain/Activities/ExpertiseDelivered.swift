/// Scientific expertise delivered for policy under an agreement, by registered people.
public struct ExpertiseDelivered: Codable, Sendable, Equatable {
    public var expertiseID: String
    public var agreement: String
    public var deliveredOn: BusinessDate
    /// Person ids; names stay outside the ledger.
    public var people: [String]
    public var policyArea: String
    public var axis: Axis
    public var summary: String
    /// The agreement domain the expertise belongs to, when it is one.
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

extension ExpertiseDelivered: EventPayload {
    static let typeName = "ExpertiseDelivered"

    var streamID: String { StreamName.agreement(agreement) }

    var entityID: String { StreamName.expertise(expertiseID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(expertiseID, field: "expertiseID")
        try Check.identifier(agreement, field: "agreement")
        try Check.identifiers(people, field: "people")
        try Check.nonEmpty(people, field: "people")
        try Check.text(policyArea, field: "policyArea")
        try Check.text(summary, field: "summary")
        if let domain {
            try Check.identifier(domain, field: "domain")
        }
    }
}
