extension Projection {
    func checkSigning(_ event: AgreementSigned) throws(Rejection) {
        try checkUnused(agreements[event.agreementID], kind: .agreement, id: event.agreementID, field: "agreementID")
        guard event.parties.count >= 2 else {
            throw Rejection.tooFewParties(event.parties)
        }
        for party in event.parties {
            _ = try institution(party, field: "parties")
        }
    }

    /// An extension moves the validity end strictly later, on an agreement that has one and is not terminated.
    func checkExtension(_ event: AgreementExtended) throws(Rejection) {
        let record = try agreement(event.agreementID, field: "agreementID")
        if let termination = record.termination {
            throw Rejection.agreementTerminated(event.agreementID, on: termination.terminatedOn)
        }
        guard let current = record.validUntil else {
            throw Rejection.agreementWithoutEnd(event.agreementID)
        }
        guard current < event.validUntil else {
            throw Rejection.extensionNotLater(
                kind: .agreement,
                id: event.agreementID,
                current: current,
                requested: event.validUntil,
                field: "validUntil"
            )
        }
    }

    func checkDomainAddition(_ event: AgreementDomainAdded) throws(Rejection) {
        let record = try agreement(event.agreementID, field: "agreementID")
        guard !record.allDomains.contains(event.domain) else {
            throw Rejection.duplicateDomain(event.domain, agreement: event.agreementID)
        }
        try record.checkInForce(on: event.addedOn, field: "addedOn")
    }

    /// A termination comes once, on or after signing, while the agreement is still valid, and after every
    /// activity under it: the activities were recorded as covered by the agreement and must stay so.
    func checkTermination(_ event: AgreementTerminated) throws(Rejection) {
        let record = try agreement(event.agreementID, field: "agreementID")
        if let termination = record.termination {
            throw Rejection.alreadyTerminated(event.agreementID, on: termination.terminatedOn)
        }
        try Check.order(
            start: record.signed.signedOn,
            end: event.terminatedOn,
            startField: "signedOn",
            endField: "terminatedOn"
        )
        if let validUntil = record.validUntil, validUntil < event.terminatedOn {
            throw Rejection.agreementNotInForce(
                event.agreementID,
                field: "terminatedOn",
                reason: "it already expired on \(validUntil); there is nothing left to terminate"
            )
        }
        if let (activity, lastDay) = latestActivity(of: record), event.terminatedOn <= lastDay {
            throw Rejection.activityAfterTermination(
                event.agreementID,
                terminatedOn: event.terminatedOn,
                activity: activity,
                lastDay: lastDay
            )
        }
    }

    /// The activity under an agreement that reaches latest, as a stream name and its last covered day.
    private func latestActivity(of record: AgreementRecord) -> (String, BusinessDate)? {
        var dated: [(String, BusinessDate)] = []
        dated += record.addedDomains.map { ("domain \($0.domain) of agreement/\($0.agreementID)", $0.addedOn) }
        dated += record.secondments.compactMap { id in secondments[id].map { (StreamName.secondment(id), $0.lastDay) } }
        dated += record.grants.compactMap { id in grants[id].map { (StreamName.grant(id), $0.lastValidDay) } }
        dated += record.meetings.compactMap { id in meetings[id].map { (StreamName.meeting(id), $0.held.heldOn) } }
        dated += record.projects.compactMap { id in projects[id].map { (StreamName.project(id), $0.lastDay) } }
        dated += record.expertise.compactMap { id in
            expertise[id].map { (StreamName.expertise(id), $0.delivered.deliveredOn) }
        }
        return dated.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }
    }

    mutating func applyExtension(_ event: AgreementExtended) {
        agreements[event.agreementID]?.validUntil = event.validUntil
        agreements[event.agreementID]?.extensions.append(event.validUntil)
    }

    mutating func applySigning(_ event: AgreementSigned, position: UInt64) {
        agreements[event.agreementID] = AgreementRecord(signed: event, position: position)
    }
}
