extension Event {
    /// The entities whose records `Projection.apply` writes for this event: its own, then the parents that list it
    /// (each only if present when it is applied). Keep in step with the `apply` functions; the randomized
    /// correction test compares the result with a full rebuild.
    var writtenEntityIDs: [String] {
        switch self {
        case .secondmentStarted(let payload):
            [
                entityID, StreamName.person(payload.person), StreamName.agreement(payload.agreement),
                StreamName.site(payload.hostSite),
            ]
        case .infrastructureAccessGranted(let payload):
            [entityID, StreamName.agreement(payload.agreement), StreamName.site(payload.site)]
                + (payload.granteeKind == .person ? [StreamName.person(payload.grantee)] : [])
        case .meetingHeld(let payload):
            [entityID, StreamName.agreement(payload.agreement)]
        case .projectJoined(let payload):
            [entityID, StreamName.agreement(payload.agreement)]
        case .expertiseDelivered(let payload):
            [entityID, StreamName.agreement(payload.agreement)] + payload.people.map(StreamName.person)
        case .eventCorrected, .eventRetracted:
            []
        default:
            [entityID]
        }
    }
}
