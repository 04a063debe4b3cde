extension Event {
    /// The people the event names as the one registered, seconded, granted access, delivering expertise or erased.
    var namedPeople: [String] {
        switch self {
        case .personRegistered(let payload): [payload.personID]
        case .secondmentStarted(let payload): [payload.person]
        case .infrastructureAccessGranted(let payload): payload.granteeKind == .person ? [payload.grantee] : []
        case .expertiseDelivered(let payload): payload.people
        case .personalDataErased(let payload): [payload.personID]
        default: []
        }
    }

    /// Whether the event names `person` as the one registered, seconded, granted access or delivering expertise.
    func names(person: String) -> Bool {
        namedPeople.contains(person)
    }
}
