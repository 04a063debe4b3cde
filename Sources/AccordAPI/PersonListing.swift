import AccordDomain

/// A registered person with their personal data joined from the store beside the log (nil when erased or absent).
public struct PersonListing: Codable, Sendable, Equatable {
    public var person: PersonView
    public var personalData: PersonalDataView?

    public init(person: PersonView, personalData: PersonalDataView?) {
        self.person = person
        self.personalData = personalData
    }
}
