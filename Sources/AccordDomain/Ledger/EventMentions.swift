/// The ids an event's own payload names, by kind: what the log's filters by person, agreement, site and
/// institution match. An event that names only its own entity (a secondment's extension or end, a grant's
/// revocation, a project's end) names no one else; find those by the entity's stream.
public struct EventMentions: Sendable, Equatable {
    public var people: Set<String> = []
    public var agreements: Set<String> = []
    public var sites: Set<String> = []
    public var institutions: Set<String> = []

    public init(of event: Event) {
        switch event {
        case .institutionRegistered(let payload):
            institutions = [payload.institutionID]
        case .siteRegistered(let payload):
            sites = [payload.siteID]
            institutions = [payload.institution]
        case .agreementSigned(let payload):
            agreements = [payload.agreementID]
            institutions = Set(payload.parties)
        case .agreementExtended(let payload):
            agreements = [payload.agreementID]
        case .agreementDomainAdded(let payload):
            agreements = [payload.agreementID]
        case .agreementTerminated(let payload):
            agreements = [payload.agreementID]
        case .personRegistered(let payload):
            people = [payload.personID]
            institutions = [payload.homeInstitution]
        case .secondmentStarted(let payload):
            people = [payload.person]
            agreements = [payload.agreement]
            sites = [payload.hostSite]
            institutions = [payload.homeInstitution, payload.hostInstitution]
        case .infrastructureAccessGranted(let payload):
            people = payload.granteeKind == .person ? [payload.grantee] : []
            agreements = [payload.agreement]
            sites = [payload.site]
            institutions = [payload.granteeInstitution]
        case .meetingHeld(let payload):
            agreements = [payload.agreement]
        case .projectJoined(let payload):
            agreements = [payload.agreement]
        case .expertiseDelivered(let payload):
            people = Set(payload.people)
            agreements = [payload.agreement]
        case .personalDataErased(let payload):
            people = [payload.personID]
        case .eventCorrected(let payload):
            self = EventMentions(of: payload.corrected)
        case .secondmentExtended, .secondmentEnded, .infrastructureAccessRevoked, .projectEnded, .eventRetracted:
            break
        }
    }
}
