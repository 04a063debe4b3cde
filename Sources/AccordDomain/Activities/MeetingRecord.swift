struct MeetingRecord: Sendable, Codable {
    var held: MeetingHeld
    var position: UInt64
}
