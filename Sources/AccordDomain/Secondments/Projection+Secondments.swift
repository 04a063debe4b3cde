extension Projection {
    func checkStart(_ event: SecondmentStarted) throws(Rejection) {
        try checkUnused(
            secondments[event.secondmentID],
            kind: .secondment,
            id: event.secondmentID,
            field: "secondmentID"
        )
        let personRecord = try person(event.person, field: "person")
        let agreementRecord = try agreement(event.agreement, field: "agreement")
        _ = try institution(event.homeInstitution, field: "homeInstitution")
        _ = try institution(event.hostInstitution, field: "hostInstitution")
        let siteRecord = try site(event.hostSite, field: "hostSite")
        guard personRecord.registered.homeInstitution == event.homeInstitution else {
            throw Rejection.homeInstitutionMismatch(
                person: event.person,
                registered: personRecord.registered.homeInstitution,
                given: event.homeInstitution,
                field: "homeInstitution"
            )
        }
        guard event.homeInstitution != event.hostInstitution else {
            throw Rejection.hostIsHome(event.hostInstitution)
        }
        guard siteRecord.registered.institution == event.hostInstitution else {
            throw Rejection.siteNotOfHost(
                site: event.hostSite,
                owner: siteRecord.registered.institution,
                host: event.hostInstitution
            )
        }
        try agreementRecord.checkParty(event.homeInstitution, field: "homeInstitution")
        try agreementRecord.checkParty(event.hostInstitution, field: "hostInstitution")
        try agreementRecord.checkInForce(
            from: event.startedOn,
            to: event.plannedEnd,
            startField: "startedOn",
            endField: "plannedEnd"
        )
        try agreementRecord.checkDomain(event.domain, on: event.startedOn, field: "domain")
        try checkNoOverlap(
            person: event.person,
            from: event.startedOn,
            to: event.plannedEnd,
            except: event.secondmentID,
            field: "startedOn"
        )
    }

    /// Only a secondment not yet ended can be extended, to a strictly later planned end that its agreement
    /// covers and that does not run into another secondment of the same person.
    func checkExtension(_ event: SecondmentExtended) throws(Rejection) {
        let record = try secondment(event.secondmentID, field: "secondmentID")
        if let ending = record.ending {
            throw Rejection.secondmentNotActive(event.secondmentID, endedOn: ending.endedOn, action: "extended")
        }
        guard record.plannedEnd < event.plannedEnd else {
            throw Rejection.extensionNotLater(
                kind: .secondment,
                id: event.secondmentID,
                current: record.plannedEnd,
                requested: event.plannedEnd,
                field: "plannedEnd"
            )
        }
        let agreementRecord = try agreement(record.started.agreement, field: "secondmentID")
        try agreementRecord.checkInForce(
            from: record.started.startedOn,
            to: event.plannedEnd,
            startField: "plannedEnd",
            endField: "plannedEnd"
        )
        try checkNoOverlap(
            person: record.started.person,
            from: record.started.startedOn,
            to: event.plannedEnd,
            except: event.secondmentID,
            field: "plannedEnd"
        )
    }

    /// Only a secondment not yet ended can end, on or after its start and no later than its planned end
    /// (a longer stay is an extension first).
    func checkEnd(_ event: SecondmentEnded) throws(Rejection) {
        let record = try secondment(event.secondmentID, field: "secondmentID")
        if let ending = record.ending {
            throw Rejection.secondmentNotActive(event.secondmentID, endedOn: ending.endedOn, action: "ended")
        }
        try Check.order(
            start: record.started.startedOn,
            end: event.endedOn,
            startField: "startedOn",
            endField: "endedOn"
        )
        guard event.endedOn <= record.plannedEnd else {
            throw Rejection.endAfterPlannedEnd(
                event.secondmentID,
                plannedEnd: record.plannedEnd,
                endedOn: event.endedOn
            )
        }
    }

    /// One person cannot be seconded twice on the same day; ranges include both ends.
    private func checkNoOverlap(
        person: String,
        from start: BusinessDate,
        to end: BusinessDate,
        except secondmentID: String,
        field: String
    ) throws(Rejection) {
        let others = (people[person]?.secondments ?? []).filter { $0 != secondmentID }.sorted()
        for other in others {
            guard let record = secondments[other], record.overlaps(from: start, to: end) else {
                continue
            }
            throw Rejection.overlappingSecondment(
                person: person,
                other: other,
                otherStart: record.started.startedOn,
                otherEnd: record.lastDay,
                start: start,
                end: end,
                field: field
            )
        }
    }

    mutating func applyStart(_ event: SecondmentStarted, position: UInt64) {
        secondments[event.secondmentID] = SecondmentRecord(started: event, position: position)
        people[event.person]?.secondments.append(event.secondmentID)
        agreements[event.agreement]?.secondments.append(event.secondmentID)
        sites[event.hostSite]?.secondments.append(event.secondmentID)
    }

    mutating func applyExtension(_ event: SecondmentExtended) {
        secondments[event.secondmentID]?.plannedEnd = event.plannedEnd
        secondments[event.secondmentID]?.extensions.append(event.plannedEnd)
    }
}
