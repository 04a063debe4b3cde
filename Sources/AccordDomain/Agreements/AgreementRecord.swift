struct AgreementRecord: Sendable, Codable, Equatable {
    var signed: AgreementSigned
    var position: UInt64
    var validUntil: BusinessDate?
    /// Each validity end the agreement was extended to, in order.
    var extensions: [BusinessDate] = []
    var addedDomains: [AgreementDomainAdded] = []
    var termination: AgreementTerminated?
    var secondments: [String] = []
    var grants: [String] = []
    var meetings: [String] = []
    var projects: [String] = []
    var expertise: [String] = []

    init(signed: AgreementSigned, position: UInt64) {
        self.signed = signed
        self.position = position
        self.validUntil = signed.validUntil
    }

    /// Every domain ever opened, signing domains first.
    var allDomains: [String] {
        signed.domains + addedDomains.map(\.domain)
    }

    /// Every domain ever opened, in the order opened, from the signing day for the signing domains.
    var openedDomains: [AgreementDomainView] {
        signed.domains.map { AgreementDomainView(domain: $0, openedOn: signed.signedOn) }
            + addedDomains.map { AgreementDomainView(domain: $0.domain, openedOn: $0.addedOn) }
    }

    /// The domains open on `date`: none before the signing.
    func openedDomains(on date: BusinessDate) -> [AgreementDomainView] {
        openedDomains.filter { $0.openedOn <= date }
    }

    func hasDomain(_ domain: String, on date: BusinessDate) -> Bool {
        domains(on: date).contains(domain)
    }

    func domains(on date: BusinessDate) -> [String] {
        openedDomains(on: date).map(\.domain)
    }

    /// A termination takes effect on its date: the agreement is no longer in force that day.
    func status(on date: BusinessDate) -> AgreementStatus {
        if date < signed.signedOn {
            return .notYetInForce
        }
        let terminated = termination.map { $0.terminatedOn <= date } ?? false
        let expired = validUntil.map { $0 < date } ?? false
        guard terminated || expired else {
            return .inForce
        }
        // When both ended it, whichever came first decides how.
        guard terminated, expired, let termination, let validUntil else {
            return terminated ? .terminated : .expired
        }
        return termination.terminatedOn <= validUntil ? .terminated : .expired
    }

    /// Checks that the agreement is in force on every day from `start` to `end`, naming the first reason it is not
    /// and the field (start or end) that the client should change.
    func checkInForce(from start: BusinessDate, to end: BusinessDate, startField: String, endField: String)
        throws(Rejection)
    {
        let id = signed.agreementID
        if start < signed.signedOn {
            throw Rejection.agreementNotInForce(
                id,
                field: startField,
                reason: "it was signed on \(signed.signedOn), after \(start)"
            )
        }
        if let termination, termination.terminatedOn <= start {
            // Nothing can begin under an agreement once terminated: the start is at fault, not the end.
            throw Rejection.agreementNotInForce(
                id,
                field: startField,
                reason: "it was terminated on \(termination.terminatedOn), which is not after \(start)"
            )
        }
        if let termination, termination.terminatedOn <= end {
            throw Rejection.agreementNotInForce(
                id,
                field: endField,
                reason: "it was terminated on \(termination.terminatedOn), which is not after \(end)"
            )
        }
        if let validUntil, validUntil < end {
            throw Rejection.agreementNotInForce(
                id,
                field: endField,
                reason:
                    "it is valid until \(validUntil), before \(end); extend it first with \"accord agreement extend\""
            )
        }
    }

    func checkInForce(on date: BusinessDate, field: String) throws(Rejection) {
        try checkInForce(from: date, to: date, startField: field, endField: field)
    }

    func checkParty(_ institution: String, field: String) throws(Rejection) {
        guard signed.parties.contains(institution) else {
            throw Rejection.partyNotInAgreement(
                institution,
                agreement: signed.agreementID,
                parties: signed.parties,
                field: field
            )
        }
    }

    /// Domains can be opened after signing, so what counts is the domains open on `date`.
    func checkDomain(_ domain: String, on date: BusinessDate, field: String) throws(Rejection) {
        guard hasDomain(domain, on: date) else {
            throw Rejection.domainNotInAgreement(
                domain,
                agreement: signed.agreementID,
                date: date,
                domains: domains(on: date),
                field: field
            )
        }
    }
}
