/// A meeting held under an agreement.
public struct MeetingView: Codable, Sendable, Equatable {
    public var meetingID: String
    public var agreement: String
    public var heldOn: BusinessDate
    public var place: String
    public var units: [String]
    public var topics: [String]
    public var domain: String?
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension MeetingView {
    init(_ record: MeetingRecord) {
        let held = record.held
        self.init(
            meetingID: held.meetingID,
            agreement: held.agreement,
            heldOn: held.heldOn,
            place: held.place,
            units: held.units,
            topics: held.topics,
            domain: held.domain,
            position: record.position
        )
    }
}
