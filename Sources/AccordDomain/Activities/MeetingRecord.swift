struct MeetingRecord: Sendable, Codable, Equatable {
    var held: MeetingHeld
    var position: UInt64
}
