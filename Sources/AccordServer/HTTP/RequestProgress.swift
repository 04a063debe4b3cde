/// Where a connection is in its request-answer cycle, as `RequestProgressReporter` (which sees HTTP parts) tells
/// `RequestDeadlineHandler` (which sees bytes) through an outbound user event.
enum RequestProgress: Sendable {
    case headReceived
    case requestReceived
    case answerSent
}
