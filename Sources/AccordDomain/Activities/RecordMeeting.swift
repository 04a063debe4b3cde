/// Request body of `meeting.record`.
public struct RecordMeeting: Codable, Sendable, Equatable {
    public var meetingID: String
    public var agreement: String
    public var heldOn: BusinessDate
    public var place: String
    public var units: [String]
    public var topics: [String]
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

extension RecordMeeting: CommandPayload {
    static let commandName = "meeting.record"

    func streamID(in state: LedgerState) -> String { StreamName.agreement(agreement) }

    func event(in state: LedgerState) throws(Rejection) -> Event {
        .meetingHeld(
            MeetingHeld(
                meetingID: meetingID,
                agreement: agreement,
                heldOn: heldOn,
                place: place,
                units: units,
                topics: topics,
                domain: domain
            )
        )
    }
}
