import HashTreeCollections

/// The entities as the effective events (after corrections, without retractions) make them, keyed by id.
/// Rules are checked against it and read models are answered from it. Persistent maps: a copy shares every node
/// with the original, and a change copies only its path, so that the engine keeps a version per command cheaply.
struct Projection: Sendable, Codable, Equatable {
    var institutions: RecordMap<InstitutionRecord> = [:]
    var sites: RecordMap<SiteRecord> = [:]
    var agreements: RecordMap<AgreementRecord> = [:]
    var people: RecordMap<PersonRecord> = [:]
    var secondments: RecordMap<SecondmentRecord> = [:]
    var grants: RecordMap<GrantRecord> = [:]
    var meetings: RecordMap<MeetingRecord> = [:]
    var projects: RecordMap<ProjectRecord> = [:]
    var expertise: RecordMap<ExpertiseRecord> = [:]

    /// Checks the business rules `event` must pass to be appended after the events applied so far.
    func check(_ event: Event) throws(Rejection) {
        switch event {
        case .institutionRegistered(let payload): try checkInstitution(payload)
        case .siteRegistered(let payload): try checkSite(payload)
        case .agreementSigned(let payload): try checkSigning(payload)
        case .agreementExtended(let payload): try checkExtension(payload)
        case .agreementDomainAdded(let payload): try checkDomainAddition(payload)
        case .agreementTerminated(let payload): try checkTermination(payload)
        case .personRegistered(let payload): try checkPerson(payload)
        case .secondmentStarted(let payload): try checkStart(payload)
        case .secondmentExtended(let payload): try checkExtension(payload)
        case .secondmentEnded(let payload): try checkEnd(payload)
        case .infrastructureAccessGranted(let payload): try checkGrant(payload)
        case .infrastructureAccessRevoked(let payload): try checkRevocation(payload)
        case .meetingHeld(let payload): try checkMeeting(payload)
        case .projectJoined(let payload): try checkProject(payload)
        case .projectEnded(let payload): try checkProjectEnd(payload)
        case .expertiseDelivered(let payload): try checkExpertise(payload)
        case .personalDataErased(let payload): try checkErasure(payload)
        case .eventCorrected, .eventRetracted:
            preconditionFailure("corrections and retractions are checked by LedgerState, which holds the history")
        }
    }

    /// Applies an effective event recorded at `position`. Events reach here only after their rules passed, so a
    /// reference to an unknown entity cannot happen; it is ignored rather than trusted.
    mutating func apply(_ event: Event, position: UInt64) {
        switch event {
        case .institutionRegistered(let payload): applyInstitution(payload, position: position)
        case .siteRegistered(let payload): applySite(payload, position: position)
        case .agreementSigned(let payload): applySigning(payload, position: position)
        case .agreementExtended(let payload): applyExtension(payload)
        case .agreementDomainAdded(let payload): agreements[payload.agreementID]?.addedDomains.append(payload)
        case .agreementTerminated(let payload): agreements[payload.agreementID]?.termination = payload
        case .personRegistered(let payload): applyPerson(payload, position: position)
        case .secondmentStarted(let payload): applyStart(payload, position: position)
        case .secondmentExtended(let payload): applyExtension(payload)
        case .secondmentEnded(let payload): secondments[payload.secondmentID]?.ending = payload
        case .infrastructureAccessGranted(let payload): applyGrant(payload, position: position)
        case .infrastructureAccessRevoked(let payload): grants[payload.grantID]?.revocation = payload
        case .meetingHeld(let payload): applyMeeting(payload, position: position)
        case .projectJoined(let payload): applyProject(payload, position: position)
        case .projectEnded(let payload): projects[payload.projectID]?.ending = payload
        case .expertiseDelivered(let payload): applyExpertise(payload, position: position)
        case .personalDataErased(let payload): applyErasure(payload, position: position)
        case .eventCorrected, .eventRetracted:
            preconditionFailure("corrections and retractions are resolved by LedgerState before reaching entities")
        }
    }
}
