/// A view that carries the correction marks of the entity it shows (`corrections: [{position, reason}]`).
protocol CorrectableView {
    /// The entity whose events' corrections it shows (`meeting/m1`).
    var entityID: String { get }
    var corrections: [CorrectionMark] { get set }
}

extension InstitutionView: CorrectableView {
    var entityID: String { StreamName.institution(institutionID) }
}

extension SiteView: CorrectableView {
    var entityID: String { StreamName.site(siteID) }
}

extension PersonView: CorrectableView {
    var entityID: String { StreamName.person(personID) }
}

extension MeetingView: CorrectableView {
    var entityID: String { StreamName.meeting(meetingID) }
}

extension ProjectView: CorrectableView {
    var entityID: String { StreamName.project(projectID) }
}

extension ExpertiseView: CorrectableView {
    var entityID: String { StreamName.expertise(expertiseID) }
}
