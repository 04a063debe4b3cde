extension LedgerState {
    /// Meetings, all or under one agreement, by date then id.
    public func meetings(agreement: String? = nil) -> [MeetingView] {
        meetingViews(
            projection.meetings.values.filter { agreement == nil || $0.held.agreement == agreement }.map(
                \.held.meetingID
            )
        )
    }

    /// Projects, all or under one agreement, by joining date then id.
    public func projects(agreement: String? = nil) -> [ProjectView] {
        projectViews(
            projection.projects.values.filter { agreement == nil || $0.joined.agreement == agreement }.map(
                \.joined.projectID
            )
        )
    }

    /// Expertise, all or under one agreement, by delivery date then id.
    public func expertise(agreement: String? = nil) -> [ExpertiseView] {
        expertiseViews(
            projection.expertise.values.filter { agreement == nil || $0.delivered.agreement == agreement }
                .map(\.delivered.expertiseID)
        )
    }
}
