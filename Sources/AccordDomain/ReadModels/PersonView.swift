/// A registered person: ids and unit only; the name lives apart, under `personalDataReference`.
public struct PersonView: Codable, Sendable, Equatable {
    public var personID: String
    public var homeInstitution: String
    public var unit: String
    public var personalDataReference: String?
    public var position: UInt64
    /// Set once the person's name and e-mail were erased.
    public var erasure: ErasureView?
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension LedgerState {
    func personView(_ record: PersonRecord) -> PersonView {
        let registered = record.registered
        let view = PersonView(
            personID: registered.personID,
            homeInstitution: registered.homeInstitution,
            unit: registered.unit,
            personalDataReference: registered.personalDataReference,
            position: record.position,
            erasure: record.erasure.flatMap { erasure in
                recordedEvent(at: erasure.position).map {
                    ErasureView(
                        position: erasure.position,
                        erasedAt: $0.recordedAt,
                        erasedBy: $0.author.name,
                        reason: erasure.event.reason,
                        legalBasis: erasure.event.legalBasis
                    )
                }
            }
        )
        return marked(view)
    }
}
