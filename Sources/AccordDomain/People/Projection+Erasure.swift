extension Projection {
    /// Only a known person's data can be erased, and only once: a second erasure would record a removal that
    /// removed nothing.
    func checkErasure(_ event: PersonalDataErased) throws(Rejection) {
        let person = try person(event.personID, field: "personID")
        if let erasure = person.erasure {
            throw Rejection.alreadyErased(personID: event.personID, erasedAt: erasure.position)
        }
    }

    mutating func applyErasure(_ event: PersonalDataErased, position: UInt64) {
        people[event.personID]?.erasure = PersonRecord.Erasure(event: event, position: position)
    }
}

extension LedgerState {
    /// The reference to a person's personal data, as the registration in force holds it.
    public func personalDataReference(of personID: String) -> String? {
        projection.people[personID]?.registered.personalDataReference
    }

    /// The references of every person whose data was erased: their files must be gone.
    public func erasedPersonalDataReferences() -> [String] {
        projection.people.values.compactMap { $0.erasure == nil ? nil : $0.registered.personalDataReference }
    }
}
