import HashTreeCollections

extension LedgerState {
    /// Agreements by id, with their standing and activity on `on`. `party` keeps those an institution signed; `domain` those
    /// with that domain open (on `on` when given, else ever); `status` those with that standing on `on`, and
    /// needs `on`: without a day to judge, no agreement matches it.
    public func agreements(
        on date: BusinessDate? = nil,
        party: String? = nil,
        domain: String? = nil,
        status: AgreementStatus? = nil
    ) -> [AgreementSummary] {
        projection.agreements.values
            .filter { record in
                (party.map { record.signed.parties.contains($0) } ?? true)
                    && (domain.map { wanted in
                        date.map { record.hasDomain(wanted, on: $0) } ?? record.allDomains.contains(wanted)
                    } ?? true)
                    && (status.map { wanted in date.map { record.status(on: $0) == wanted } ?? false } ?? true)
            }
            .map { record in
                AgreementSummary(
                    agreementID: record.signed.agreementID,
                    title: record.signed.title,
                    kind: record.signed.kind,
                    parties: record.signed.parties,
                    signedOn: record.signed.signedOn,
                    validUntil: record.validUntil,
                    terminatedOn: record.termination?.terminatedOn,
                    statusOn: date,
                    status: date.map { record.status(on: $0) },
                    domains: date.map { record.domains(on: $0) } ?? record.allDomains,
                    activity: activity(of: record, on: date),
                    position: record.position,
                    corrections: corrections(ofEntity: StreamName.agreement(record.signed.agreementID))
                )
            }
            .sorted { $0.agreementID < $1.agreementID }
    }

    /// One agreement with every activity under it; its standing, its open domains and the status of its secondments
    /// and grants are judged on `on` when given.
    public func agreement(id: String, on date: BusinessDate? = nil) -> AgreementDetail? {
        guard let record = projection.agreements[id] else {
            return nil
        }
        let signed = record.signed
        return AgreementDetail(
            agreementID: signed.agreementID,
            title: signed.title,
            kind: signed.kind,
            parties: signed.parties,
            signedOn: signed.signedOn,
            validUntil: record.validUntil,
            extensions: record.extensions,
            terminatedOn: record.termination?.terminatedOn,
            terminationReason: record.termination?.reason,
            statusOn: date,
            status: date.map { record.status(on: $0) },
            domains: date.map { record.openedDomains(on: $0) } ?? record.openedDomains,
            activity: activity(of: record, on: date),
            secondments: secondmentViews(record.secondments, on: date),
            accessGrants: accessGrantViews(record.grants, on: date),
            meetings: meetingViews(record.meetings),
            projects: projectViews(record.projects),
            expertise: expertiseViews(record.expertise),
            position: record.position,
            corrections: corrections(ofEntity: StreamName.agreement(signed.agreementID))
        )
    }

    /// What was done under the agreement by `date` (started, valid from, held, joined or delivered on or before it);
    /// everything recorded without a day.
    private func activity(of record: AgreementRecord, on date: BusinessDate?) -> ActivityCounts {
        func count<Record>(_ ids: [String], _ records: RecordMap<Record>, _ day: (Record) -> BusinessDate) -> Int {
            guard let date else { return ids.count }
            return ids.count { id in records[id].map { day($0) <= date } ?? false }
        }
        return ActivityCounts(
            secondments: count(record.secondments, projection.secondments) { $0.started.startedOn },
            accessGrants: count(record.grants, projection.grants) { $0.granted.validFrom },
            meetings: count(record.meetings, projection.meetings) { $0.held.heldOn },
            projects: count(record.projects, projection.projects) { $0.joined.joinedOn },
            expertise: count(record.expertise, projection.expertise) { $0.delivered.deliveredOn }
        )
    }
}
