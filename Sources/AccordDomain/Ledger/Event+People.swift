extension Event {
    /// Whether the event names `person` as the one registered, seconded, granted access or delivering expertise.
    func names(person: String) -> Bool {
        switch self {
        case .personRegistered(let payload): payload.personID == person
        case .secondmentStarted(let payload): payload.person == person
        case .infrastructureAccessGranted(let payload): payload.granteeKind == .person && payload.grantee == person
        case .expertiseDelivered(let payload): payload.people.contains(person)
        case .personalDataErased(let payload): payload.personID == person
        default: false
        }
    }
}
