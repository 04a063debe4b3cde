import AccordDomain

/// Which events a page of the log keeps. Every field set must match.
public struct EventFilter: Sendable, Equatable {
    public var eventType: String?
    public var streamID: String?
    /// An author's user name or numeric user id.
    public var author: String?
    /// Ids the event's payload must name (see `EventMentions`).
    public var person: String?
    public var agreement: String?
    public var site: String?
    public var institution: String?
    /// Recorded time bounds, in microseconds since 1970, both inclusive.
    public var recordedFromMicroseconds: Int64?
    public var recordedThroughMicroseconds: Int64?

    public init(
        eventType: String? = nil,
        streamID: String? = nil,
        author: String? = nil,
        person: String? = nil,
        agreement: String? = nil,
        site: String? = nil,
        institution: String? = nil,
        recordedFromMicroseconds: Int64? = nil,
        recordedThroughMicroseconds: Int64? = nil
    ) {
        self.eventType = eventType
        self.streamID = streamID
        self.author = author
        self.person = person
        self.agreement = agreement
        self.site = site
        self.institution = institution
        self.recordedFromMicroseconds = recordedFromMicroseconds
        self.recordedThroughMicroseconds = recordedThroughMicroseconds
    }

    /// What the record's header alone decides, before its payload is decoded.
    func matches(
        eventType: String,
        streamID: String,
        authorName: String,
        authorUserID: UInt32,
        recordedAtMicroseconds: Int64
    ) -> Bool {
        if let wanted = self.eventType, wanted != eventType { return false }
        if let wanted = self.streamID, wanted != streamID { return false }
        if let wanted = author, wanted != authorName, wanted != String(authorUserID) { return false }
        if let from = recordedFromMicroseconds, recordedAtMicroseconds < from { return false }
        if let through = recordedThroughMicroseconds, recordedAtMicroseconds > through { return false }
        return true
    }

    /// What only the payload decides: the ids it names.
    func matches(_ event: Event) -> Bool {
        guard person != nil || agreement != nil || site != nil || institution != nil else { return true }
        let mentions = EventMentions(of: event)
        if let person, !mentions.people.contains(person) { return false }
        if let agreement, !mentions.agreements.contains(agreement) { return false }
        if let site, !mentions.sites.contains(site) { return false }
        if let institution, !mentions.institutions.contains(institution) { return false }
        return true
    }
}
