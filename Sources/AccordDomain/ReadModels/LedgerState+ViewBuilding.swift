/// Views of entities listed by id, in the order every query uses: by first day, then id.
extension LedgerState {
    func secondmentViews(_ ids: [String], on date: BusinessDate?) -> [SecondmentView] {
        ids.compactMap { projection.secondments[$0] }
            .map { record in
                var view = SecondmentView(record, on: date)
                view.corrections = corrections(ofEntity: StreamName.secondment(record.started.secondmentID))
                return view
            }
            .sorted { ($0.startedOn, $0.secondmentID) < ($1.startedOn, $1.secondmentID) }
    }

    func accessGrantViews(_ ids: [String], on date: BusinessDate?) -> [AccessGrantView] {
        ids.compactMap { projection.grants[$0] }.map { accessGrantView($0, on: date) }
            .sorted { ($0.validFrom, $0.grantID) < ($1.validFrom, $1.grantID) }
    }

    func accessGrantView(_ record: GrantRecord, on date: BusinessDate?) -> AccessGrantView {
        let siteInstitution = projection.sites[record.granted.site]?.registered.institution ?? ""
        var view = AccessGrantView(record, siteInstitution: siteInstitution, on: date)
        view.corrections = corrections(ofEntity: StreamName.grant(record.granted.grantID))
        return view
    }

    func meetingViews(_ ids: [String]) -> [MeetingView] {
        ids.compactMap { projection.meetings[$0] }.map(MeetingView.init).map(marked)
            .sorted { ($0.heldOn, $0.meetingID) < ($1.heldOn, $1.meetingID) }
    }

    func projectViews(_ ids: [String]) -> [ProjectView] {
        ids.compactMap { projection.projects[$0] }.map(ProjectView.init).map(marked)
            .sorted { ($0.joinedOn, $0.projectID) < ($1.joinedOn, $1.projectID) }
    }

    func expertiseViews(_ ids: [String]) -> [ExpertiseView] {
        ids.compactMap { projection.expertise[$0] }.map(ExpertiseView.init).map(marked)
            .sorted { ($0.deliveredOn, $0.expertiseID) < ($1.deliveredOn, $1.expertiseID) }
    }

    /// The view with the corrections and retractions of its entity's events.
    func marked<View: CorrectableView>(_ view: View) -> View {
        var marked = view
        marked.corrections = corrections(ofEntity: view.entityID)
        return marked
    }
}
