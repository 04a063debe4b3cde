/// A meeting held under an agreement (the CNRS–JRC meeting in Brussels).
public struct MeetingHeld: Codable, Sendable, Equatable {
    public var meetingID: String
    public var agreement: String
    public var heldOn: BusinessDate
    public var place: String
    /// The participating units, as free text.
    public var units: [String]
    public var topics: [String]
    /// The agreement domain the meeting is about, when it is one.
    public var domain: String?

    public init(
        meetingID: String,
        agreement: String,
        heldOn: BusinessDate,
        place: String,
        units: [String],
        topics: [String],
        domain: String? = nil
    ) {
        self.meetingID = meetingID
        self.agreement = agreement
        self.heldOn = heldOn
        self.place = place
        self.units = units
        self.topics = topics
        self.domain = domain
    }
}

extension MeetingHeld: EventPayload {
    static let typeName = "MeetingHeld"

    var streamID: String { StreamName.agreement(agreement) }

    var entityID: String { StreamName.meeting(meetingID) }

    func checkFields() throws(Rejection) {
        try Check.identifier(meetingID, field: "meetingID")
        try Check.identifier(agreement, field: "agreement")
        try Check.text(place, field: "place")
        try Check.texts(units, field: "units")
        try Check.texts(topics, field: "topics")
        if let domain {
            try Check.identifier(domain, field: "domain")
        }
    }
}
