struct MeetingRecord: Sendable {
    var held: MeetingHeld
    var position: UInt64
}
