/// Which events a page of the log keeps. Every field set must match.
public struct EventFilter: Sendable, Equatable {
    public var eventType: String?
    public var streamID: String?
    /// An author's user name or numeric user id.
    public var author: String?

    public init(eventType: String? = nil, streamID: String? = nil, author: String? = nil) {
        self.eventType = eventType
        self.streamID = streamID
        self.author = author
    }

    func matches(eventType: String, streamID: String, authorName: String, authorUserID: UInt32) -> Bool {
        if let wanted = self.eventType, wanted != eventType { return false }
        if let wanted = self.streamID, wanted != streamID { return false }
        if let wanted = author, wanted != authorName, wanted != String(authorUserID) { return false }
        return true
    }
}
