/// Rejections of well-formed commands that the ledger's state does not allow.
extension Rejection {
    static func unknown(kind: EntityKind, id: String, field: String) -> Rejection {
        Rejection(
            code: "unknown_\(kind.rawValue)",
            message:
                "\(kind.noun) \"\(id)\" is not known; check the id given as \(field) against "
                + "\"\(kind.listingCommand)\", or record it first with \"\(kind.creatingCommand)\"",
            kind: .notFound,
            field: field,
            id: id
        )
    }

    static func duplicateID(kind: EntityKind, id: String, field: String) -> Rejection {
        Rejection(
            code: "duplicate_id",
            message: "\(kind.noun) \"\(id)\" already exists; ids are unique per kind, choose another \(field)",
            kind: .conflict,
            field: field,
            id: id
        )
    }

    static func versionConflict(stream: String, expected: UInt64, actual: UInt64) -> Rejection {
        Rejection(
            code: "version_conflict",
            message:
                "stream \(stream) is at version \(actual), expected \(expected) by the command ("
                + (actual > expected
                    ? "\(actual - expected) more event(s) were recorded on it since it was read"
                    : "the stream has fewer events than that: the expected version was not read from it")
                + "); read the stream again with \"accord log --stream \(stream)\" and retry with its version if "
                + "the command still makes sense",
            kind: .conflict,
            id: stream
        )
    }

    static func tooFewParties(_ parties: [String]) -> Rejection {
        Rejection(
            code: "too_few_parties",
            message: "an agreement needs at least two distinct institutions as parties; got \(parties.count)",
            kind: .ruleViolated,
            field: "parties"
        )
    }

    static func agreementNotInForce(_ id: String, field: String, reason: String) -> Rejection {
        Rejection(
            code: "agreement_not_in_force",
            message: "agreement \"\(id)\" is not in force on the dates given: \(reason); check \(field)",
            kind: .ruleViolated,
            field: field,
            id: id
        )
    }

    static func agreementTerminated(_ id: String, on date: BusinessDate) -> Rejection {
        Rejection(
            code: "agreement_terminated",
            message: "agreement \"\(id)\" was terminated on \(date) and can no longer change; sign a new agreement",
            kind: .ruleViolated,
            id: id
        )
    }

    static func alreadyTerminated(_ id: String, on date: BusinessDate) -> Rejection {
        Rejection(
            code: "already_terminated",
            message:
                "agreement \"\(id)\" was already terminated on \(date); to change that date, find the position N "
                + "of its AgreementTerminated with \"accord log --stream agreement/\(id)\" and correct it with "
                + "\"accord correct --position N --reason R --event JSON\"",
            kind: .ruleViolated,
            id: id
        )
    }

    static func agreementWithoutEnd(_ id: String) -> Rejection {
        Rejection(
            code: "agreement_without_end",
            message: "agreement \"\(id)\" has no validity end, so there is nothing to extend",
            kind: .ruleViolated,
            field: "agreementID",
            id: id
        )
    }

    static func extensionNotLater(
        kind: EntityKind,
        id: String,
        current: BusinessDate,
        requested: BusinessDate,
        field: String
    ) -> Rejection {
        Rejection(
            code: "extension_not_later",
            message:
                "\(kind.noun) \"\(id)\" already runs until \(current); an extension must move \(field) later than "
                + "that, and \(requested) is not",
            kind: .ruleViolated,
            field: field,
            id: id
        )
    }

    static func duplicateDomain(_ domain: String, agreement: String) -> Rejection {
        Rejection(
            code: "duplicate_domain",
            message: "domain \"\(domain)\" is already open under agreement \"\(agreement)\"; nothing to add",
            kind: .conflict,
            field: "domain",
            id: domain
        )
    }

    static func domainNotInAgreement(
        _ domain: String,
        agreement: String,
        date: BusinessDate,
        domains: [String],
        field: String
    ) -> Rejection {
        Rejection(
            code: "domain_not_in_agreement",
            message:
                "domain \"\(domain)\" is not open under agreement \"\(agreement)\" on \(date) (open: "
                + "\(domains.joined(separator: ", "))); add it first with \"accord agreement add-domain\"",
            kind: .ruleViolated,
            field: field,
            id: domain
        )
    }

    static func partyNotInAgreement(_ institution: String, agreement: String, parties: [String], field: String)
        -> Rejection
    {
        Rejection(
            code: "party_not_in_agreement",
            message:
                "institution \"\(institution)\" (\(field)) is not a party to agreement \"\(agreement)\" "
                + "(parties: \(parties.joined(separator: ", "))); use an agreement it signed",
            kind: .ruleViolated,
            field: field,
            id: institution
        )
    }

    static func activityAfterTermination(
        _ id: String,
        terminatedOn: BusinessDate,
        activity: String,
        lastDay: BusinessDate
    ) -> Rejection {
        Rejection(
            code: "activity_after_termination",
            message:
                "agreement \"\(id)\" cannot be terminated on \(terminatedOn): \(activity) runs under it until "
                + "\(lastDay); end or correct that first, or terminate after \(lastDay)",
            kind: .ruleViolated,
            field: "terminatedOn",
            id: id
        )
    }

    static func homeInstitutionMismatch(person: String, registered: String, given: String, field: String) -> Rejection {
        Rejection(
            code: "home_institution_mismatch",
            message:
                "person \"\(person)\" belongs to \"\(registered)\", not \"\(given)\"; give \(field) \"\(registered)\" "
                + "or leave it out",
            kind: .ruleViolated,
            field: field,
            id: person
        )
    }

    static func hostIsHome(_ institution: String) -> Rejection {
        Rejection(
            code: "host_is_home",
            message: "a secondment goes to another institution; \"\(institution)\" is both home and host",
            kind: .ruleViolated,
            field: "hostInstitution",
            id: institution
        )
    }

    static func siteNotOfHost(site: String, owner: String, host: String) -> Rejection {
        Rejection(
            code: "site_not_of_host",
            message:
                "site \"\(site)\" belongs to \"\(owner)\", not to the host \"\(host)\"; pick a site of \"\(host)\"",
            kind: .ruleViolated,
            field: "hostSite",
            id: site
        )
    }

    static func overlappingSecondment(
        person: String,
        other: String,
        otherStart: BusinessDate,
        otherEnd: BusinessDate,
        start: BusinessDate,
        end: BusinessDate,
        field: String
    ) -> Rejection {
        Rejection(
            code: "overlapping_secondment",
            message:
                "person \"\(person)\" is already seconded under \"\(other)\" from \(otherStart) to \(otherEnd), "
                + "which overlaps \(start)–\(end); end or shorten \"\(other)\" first, or change the dates",
            kind: .ruleViolated,
            field: field,
            id: other
        )
    }

    static func secondmentNotActive(_ id: String, endedOn: BusinessDate, action: String) -> Rejection {
        Rejection(
            code: "secondment_not_active",
            message: "secondment \"\(id)\" ended on \(endedOn); only an active secondment can be \(action)",
            kind: .ruleViolated,
            field: "secondmentID",
            id: id
        )
    }

    static func endAfterPlannedEnd(_ id: String, plannedEnd: BusinessDate, endedOn: BusinessDate) -> Rejection {
        Rejection(
            code: "end_after_planned_end",
            message:
                "secondment \"\(id)\" is planned to end on \(plannedEnd), before \(endedOn); "
                + "extend it first with \"accord secondment extend\"",
            kind: .ruleViolated,
            field: "endedOn",
            id: id
        )
    }

    static func unknownFacility(_ facility: String, site: String, facilities: [String]) -> Rejection {
        Rejection(
            code: "unknown_facility",
            message:
                "site \"\(site)\" offers no facility \"\(facility)\" (it offers: "
                + "\(facilities.isEmpty ? "none" : facilities.joined(separator: ", ")))",
            kind: .notFound,
            field: "facility",
            id: facility
        )
    }

    static func grantNotValid(_ id: String, on date: BusinessDate, reason: String) -> Rejection {
        Rejection(
            code: "grant_not_valid",
            message: "access grant \"\(id)\" is not valid on \(date): \(reason); only a valid grant can be revoked",
            kind: .ruleViolated,
            field: "revokedOn",
            id: id
        )
    }

    static func projectNotActive(_ id: String, endedOn: BusinessDate) -> Rejection {
        Rejection(
            code: "project_not_active",
            message: "project \"\(id)\" already ended on \(endedOn); it can end only once",
            kind: .ruleViolated,
            field: "projectID",
            id: id
        )
    }
}

/// Rejections about erasing personal data.
extension Rejection {
    static func alreadyErased(personID: String, erasedAt position: UInt64) -> Rejection {
        Rejection(
            code: "personal_data_already_erased",
            message:
                "the personal data of person \"\(personID)\" was already erased (position \(position)); there is nothing left to erase, see `accord log --event \(position)`",
            kind: .conflict,
            field: "personID",
            id: personID
        )
    }

    static func erasureNotRetractable(position: UInt64, personID: String) -> Rejection {
        Rejection(
            code: "erasure_not_retractable",
            message:
                "position \(position) erased the personal data of person \"\(personID)\"; an erasure cannot be retracted, since the data is gone (correct it to fix its reason or legal basis)",
            kind: .ruleViolated,
            field: "position",
            id: String(position)
        )
    }

    /// An event in another stream than the one it belongs to: the ledger sets the stream, so only a record made
    /// elsewhere (an import's) can hold one.
    static func streamMismatch(_ given: String, expected: String, of what: String) -> Rejection {
        Rejection(
            code: "stream_mismatch",
            message:
                "\(what) is in stream \"\(given)\" but belongs to stream \"\(expected)\"; the ledger records every event in its own stream",
            kind: .invalid,
            field: "stream",
            id: given
        )
    }
}
