import Foundation

@testable import AccordDomain

/// A seeded story of random events, each kept only if the rules accept it at its place: registrations, agreements,
/// people, secondments, grants, meetings, projects, expertise, extensions, ends, erasures, and corrections and
/// retractions of any of them. Ids come from small pools so that corrections move children between parents. The
/// same seed tells the same story.
struct RandomHistory {
    /// Settable, so that a test can go on with the story on a state it built otherwise (RestoreTests).
    var state = LedgerState.initial
    private var random: SplitMix

    private static let institutions = ["i0", "i1", "i2", "i3"]
    private static let sites = ["s0", "s1", "s2", "s3"]
    private static let agreements = ["a0", "a1", "a2"]
    private static let people = ["p0", "p1", "p2", "p3", "p4"]
    private static let secondments = ["sec0", "sec1", "sec2", "sec3", "sec4", "sec5"]
    private static let grants = ["g0", "g1", "g2", "g3"]
    private static let meetings = ["m0", "m1", "m2"]
    private static let projects = ["pr0", "pr1", "pr2"]
    private static let expertise = ["e0", "e1", "e2"]
    private static let domains = ["d0", "d1", "d2", "d3"]
    private static let facilities = ["f0", "f1"]

    init(seed: UInt64) {
        random = SplitMix(state: seed)
    }

    /// Tries candidates until one passes the rules, records it and returns it (nil if none did in many tries).
    mutating func recordNext() -> RecordedEvent? {
        for _ in 0..<200 {
            let event = candidate()
            do throws(Rejection) {
                try event.checkFields()
                try state.check(event)
            } catch {
                continue
            }
            let recorded = RecordedEvent(
                position: (state.lastPosition ?? 0) + 1,
                recordedAt: Date(timeIntervalSince1970: 1_767_657_600 + Double(state.eventCount) * 3_600),
                author: Author(userID: 1000, name: "liaison"),
                event: event
            )
            state.evolve(recorded)
            return recorded
        }
        return nil
    }

    /// A correction or retraction of an event recorded so far, as a client sends it; the rules may refuse it.
    mutating func amendmentCommand() -> Command {
        switch random.below(2) == 0 ? correction() : retraction() {
        case .eventCorrected(let correction):
            .correctEvent(
                CorrectEvent(position: correction.position, corrected: correction.corrected, reason: correction.reason)
            )
        case .eventRetracted(let retraction):
            .retractEvent(RetractEvent(position: retraction.position, reason: retraction.reason))
        case let other:
            preconditionFailure("an amendment candidate came out as \(other.typeName)")
        }
    }

    private mutating func candidate() -> Event {
        switch random.below(22) {
        case 0: .institutionRegistered(institution())
        case 1: .siteRegistered(site())
        case 2: .agreementSigned(agreement())
        case 3: .agreementExtended(AgreementExtended(agreementID: pick(Self.agreements), validUntil: date()))
        case 4:
            .agreementDomainAdded(
                AgreementDomainAdded(agreementID: pick(Self.agreements), domain: pick(Self.domains), addedOn: date())
            )
        case 5:
            .agreementTerminated(
                AgreementTerminated(agreementID: pick(Self.agreements), terminatedOn: date(), reason: "ended")
            )
        case 6: .personRegistered(person())
        case 7, 8: .secondmentStarted(secondment(id: pick(Self.secondments)))
        case 9: .secondmentExtended(SecondmentExtended(secondmentID: pick(Self.secondments), plannedEnd: date()))
        case 10:
            .secondmentEnded(SecondmentEnded(secondmentID: pick(Self.secondments), endedOn: date(), outcome: "done"))
        case 11: .infrastructureAccessGranted(grant(id: pick(Self.grants)))
        case 12:
            .infrastructureAccessRevoked(
                InfrastructureAccessRevoked(grantID: pick(Self.grants), revokedOn: date(), reason: "over")
            )
        case 13: .meetingHeld(meeting(id: pick(Self.meetings)))
        case 14: .projectJoined(project(id: pick(Self.projects)))
        case 15: .projectEnded(ProjectEnded(projectID: pick(Self.projects), endedOn: date(), outcome: "done"))
        case 16: .expertiseDelivered(expertise(id: pick(Self.expertise)))
        case 17, 18, 19: correction()
        case 20:
            .personalDataErased(PersonalDataErased(personID: pick(Self.people), reason: "asked", legalBasis: "GDPR 17"))
        default: retraction()
        }
    }

    private mutating func institution() -> InstitutionRegistered {
        InstitutionRegistered(
            institutionID: pick(Self.institutions),
            name: "Institution \(random.below(9))",
            country: "FR",
            kind: .university
        )
    }

    private mutating func site() -> SiteRegistered {
        SiteRegistered(
            siteID: pick(Self.sites),
            institution: pick(Self.institutions),
            name: "Site",
            country: "IT",
            facilities: Self.facilities
        )
    }

    private mutating func agreement() -> AgreementSigned {
        var parties = Set([pick(Self.institutions), pick(Self.institutions)])
        if random.below(2) == 0 { parties.insert(pick(Self.institutions)) }
        return AgreementSigned(
            agreementID: pick(Self.agreements),
            title: "Agreement",
            kind: .mou,
            parties: parties.sorted(),
            signedOn: day("2026-01-0\(1 + random.below(5))"),
            domains: Array(Self.domains.prefix(1 + random.below(2))),
            validUntil: random.below(4) == 0 ? nil : date()
        )
    }

    private mutating func person() -> PersonRegistered {
        PersonRegistered(
            personID: pick(Self.people),
            homeInstitution: pick(Self.institutions),
            unit: "Unit \(random.below(9))"
        )
    }

    /// A secondment that can pass: the person's home, a host site's owner.
    private mutating func secondment(id: String) -> SecondmentStarted {
        let person = pick(Self.people)
        let site = pick(Self.sites)
        let start = date()
        return SecondmentStarted(
            secondmentID: id,
            person: person,
            agreement: pick(Self.agreements),
            homeInstitution: state.projection.people[person]?.registered.homeInstitution ?? pick(Self.institutions),
            hostInstitution: state.projection.sites[site]?.registered.institution ?? pick(Self.institutions),
            hostSite: site,
            mode: .detachment,
            domain: pick(Self.domains),
            startedOn: start,
            plannedEnd: later(than: start)
        )
    }

    private mutating func grant(id: String) -> InfrastructureAccessGranted {
        let forPerson = random.below(3) != 0
        let grantee = forPerson ? pick(Self.people) : "team-\(random.below(3))"
        let start = date()
        return InfrastructureAccessGranted(
            grantID: id,
            agreement: pick(Self.agreements),
            granteeKind: forPerson ? .person : .team,
            grantee: grantee,
            granteeInstitution: state.projection.people[grantee]?.registered.homeInstitution ?? pick(Self.institutions),
            site: pick(Self.sites),
            facility: pick(Self.facilities),
            purpose: "Measurements",
            validFrom: start,
            validUntil: later(than: start),
            domain: random.below(2) == 0 ? nil : pick(Self.domains)
        )
    }

    private mutating func meeting(id: String) -> MeetingHeld {
        MeetingHeld(
            meetingID: id,
            agreement: pick(Self.agreements),
            heldOn: date(),
            place: "Brussels",
            units: ["Unit"],
            topics: ["ethics"],
            domain: random.below(2) == 0 ? nil : pick(Self.domains)
        )
    }

    private mutating func project(id: String) -> ProjectJoined {
        let start = date()
        return ProjectJoined(
            projectID: id,
            agreement: pick(Self.agreements),
            kind: .modellingWork,
            title: "Models",
            domain: pick(Self.domains),
            joinedOn: start,
            plannedEnd: random.below(3) == 0 ? nil : later(than: start)
        )
    }

    private mutating func expertise(id: String) -> ExpertiseDelivered {
        ExpertiseDelivered(
            expertiseID: id,
            agreement: pick(Self.agreements),
            deliveredOn: date(),
            people: Set([pick(Self.people), pick(Self.people)]).sorted(),
            policyArea: "energy",
            axis: .impact,
            summary: "Advice",
            domain: random.below(2) == 0 ? nil : pick(Self.domains)
        )
    }

    /// The effective event at a random position, with some of its facts drawn again.
    private mutating func correction() -> Event {
        guard let position = randomPosition(), let current = state.effectiveEvent(at: position) else {
            return retraction()
        }
        let corrected: Event
        switch current {
        case .institutionRegistered(var payload):
            payload.name = "Renamed \(random.below(9))"
            corrected = .institutionRegistered(payload)
        case .siteRegistered(var payload):
            payload.institution = pick(Self.institutions)
            corrected = .siteRegistered(payload)
        case .agreementSigned(let payload):
            var drawn = agreement()
            drawn.agreementID = payload.agreementID
            corrected = .agreementSigned(drawn)
        case .agreementExtended(var payload):
            payload.validUntil = date()
            corrected = .agreementExtended(payload)
        case .agreementDomainAdded(var payload):
            payload.addedOn = date()
            corrected = .agreementDomainAdded(payload)
        case .agreementTerminated(var payload):
            payload.terminatedOn = date()
            corrected = .agreementTerminated(payload)
        case .personRegistered(var payload):
            payload.homeInstitution = pick(Self.institutions)
            payload.unit = "Unit \(random.below(9))"
            corrected = .personRegistered(payload)
        case .secondmentStarted(let payload):
            corrected = .secondmentStarted(secondment(id: payload.secondmentID))
        case .secondmentExtended(var payload):
            payload.plannedEnd = date()
            corrected = .secondmentExtended(payload)
        case .secondmentEnded(var payload):
            payload.endedOn = date()
            corrected = .secondmentEnded(payload)
        case .infrastructureAccessGranted(let payload):
            corrected = .infrastructureAccessGranted(grant(id: payload.grantID))
        case .infrastructureAccessRevoked(var payload):
            payload.revokedOn = date()
            corrected = .infrastructureAccessRevoked(payload)
        case .meetingHeld(let payload):
            corrected = .meetingHeld(meeting(id: payload.meetingID))
        case .projectJoined(let payload):
            corrected = .projectJoined(project(id: payload.projectID))
        case .projectEnded(var payload):
            payload.endedOn = date()
            corrected = .projectEnded(payload)
        case .expertiseDelivered(let payload):
            corrected = .expertiseDelivered(expertise(id: payload.expertiseID))
        case .personalDataErased, .eventCorrected, .eventRetracted:
            return retraction()
        }
        return .eventCorrected(EventCorrected(position: position, corrected: corrected, reason: "wrong facts"))
    }

    private mutating func retraction() -> Event {
        let position = randomPosition() ?? 1
        let stream = state.recordedEvent(at: position)?.event.streamID ?? StreamName.position(position)
        return .eventRetracted(EventRetracted(position: position, stream: stream, reason: "never happened"))
    }

    private mutating func randomPosition() -> UInt64? {
        guard let last = state.lastPosition else { return nil }
        return 1 + UInt64(random.below(Int(last)))
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[random.below(choices.count)]
    }

    private mutating func date() -> BusinessDate {
        day("20\(26 + random.below(5))-\(twoDigits(1 + random.below(12)))-\(twoDigits(1 + random.below(28)))")
    }

    private mutating func later(than start: BusinessDate) -> BusinessDate {
        for _ in 0..<20 {
            let end = date()
            if start < end { return end }
        }
        return day("2031-06-30")
    }

    private func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}

/// SplitMix64: a small seeded generator, so that a failing seed tells its story again.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
