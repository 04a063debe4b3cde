import AccordDomain

/// `GET /v1/people/{id}`: the person's whole history with the partnership, and their personal data.
public struct PersonHistoryResponse: Codable, Sendable, Equatable {
    public var history: PersonHistory
    public var personalData: PersonalDataView?
    public var personalDataStatus: PersonalDataStatus

    public init(history: PersonHistory, personalData: PersonalDataView?, personalDataStatus: PersonalDataStatus) {
        self.history = history
        self.personalData = personalData
        self.personalDataStatus = personalDataStatus
    }
}
