import AccordDomain

/// A registered person with their personal data joined from the store beside the log; `personalData` is absent
/// unless `personalDataStatus` is `present`.
public struct PersonListing: Codable, Sendable, Equatable {
    public var person: PersonView
    public var personalData: PersonalDataView?
    public var personalDataStatus: PersonalDataStatus

    public init(person: PersonView, personalData: PersonalDataView?, personalDataStatus: PersonalDataStatus) {
        self.person = person
        self.personalData = personalData
        self.personalDataStatus = personalDataStatus
    }
}
