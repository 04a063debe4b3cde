@testable import AccordDomain

/// The CNRS–JRC cooperation as fixtures: the two bodies, the JRC's six sites, the MoU of 6 January 2026 and a
/// few people. `cea` is a third institution that is party to nothing, for refusals.
enum Story {
    static let mouID = "cnrs-jrc-mou-2026"

    static let institutions: [Event] = [
        .institutionRegistered(
            InstitutionRegistered(
                institutionID: "cnrs",
                name: "Centre national de la recherche scientifique",
                country: "FR",
                kind: .researchOrganisation
            )
        ),
        .institutionRegistered(
            InstitutionRegistered(
                institutionID: "jrc",
                name: "Joint Research Centre",
                country: "EU",
                kind: .commissionService
            )
        ),
        .institutionRegistered(
            InstitutionRegistered(
                institutionID: "cea",
                name: "Commissariat à l'énergie atomique",
                country: "FR",
                kind: .researchOrganisation
            )
        ),
    ]

    static let sites: [Event] = [
        site("ispra", "Ispra", "IT", ["nuclear-safeguards-lab", "crisis-management-lab", "hpc"]),
        site("geel", "Geel", "BE", ["neutron-time-of-flight", "reference-materials"]),
        site("petten", "Petten", "NL", ["hydrogen-test-platform"]),
        site("karlsruhe", "Karlsruhe", "DE", ["actinide-labs"]),
        site("seville", "Seville", "ES", ["economic-modelling"]),
        site("brussels", "Brussels", "BE", ["policy-lab"]),
        .siteRegistered(
            SiteRegistered(siteID: "saclay", institution: "cea", name: "Saclay", country: "FR", facilities: ["reactor"])
        ),
        .siteRegistered(
            SiteRegistered(siteID: "paris", institution: "cnrs", name: "Paris", country: "FR", facilities: ["archive"])
        ),
    ]

    static let mouSigned = AgreementSigned(
        agreementID: mouID,
        title: "Memorandum of understanding between the CNRS and the JRC",
        kind: .mou,
        parties: ["cnrs", "jrc"],
        signedOn: day("2026-01-06"),
        domains: ["nuclear", "humanities-social-sciences"],
        validUntil: day("2030-12-31")
    )

    static let digitalAdded = AgreementDomainAdded(
        agreementID: mouID,
        domain: "digital-ai-data-science",
        addedOn: day("2026-03-01")
    )

    static let people: [Event] = [
        person("alice", "cnrs", "UMR 8097 Centre Maurice Halbwachs"),
        person("bruno", "cnrs", "Institut de physique des 2 infinis"),
        person("clara", "jrc", "Unit G.2 Nuclear safeguards"),
        person("dora", "cea", "Direction des énergies"),
    ]

    /// Institutions, sites, the MoU with its later digital domain, and the people.
    static let foundation: [Event] =
        institutions + sites + [.agreementSigned(mouSigned), .agreementDomainAdded(digitalAdded)] + people

    static func site(_ id: String, _ name: String, _ country: String, _ facilities: [String]) -> Event {
        .siteRegistered(
            SiteRegistered(siteID: id, institution: "jrc", name: name, country: country, facilities: facilities)
        )
    }

    static func person(_ id: String, _ institution: String, _ unit: String) -> Event {
        .personRegistered(PersonRegistered(personID: id, homeInstitution: institution, unit: unit))
    }

    static func secondment(
        _ id: String,
        person: String = "alice",
        site: String = "ispra",
        mode: SecondmentMode = .detachment,
        domain: String = "nuclear",
        from start: String = "2026-02-01",
        to end: String = "2026-07-31"
    ) -> SecondmentStarted {
        SecondmentStarted(
            secondmentID: id,
            person: person,
            agreement: mouID,
            homeInstitution: "cnrs",
            hostInstitution: "jrc",
            hostSite: site,
            mode: mode,
            domain: domain,
            startedOn: day(start),
            plannedEnd: day(end)
        )
    }

    static func startSecondment(
        _ id: String,
        person: String = "alice",
        site: String = "ispra",
        domain: String = "nuclear",
        from start: String = "2026-02-01",
        to end: String = "2026-07-31"
    ) -> StartSecondment {
        StartSecondment(
            secondmentID: id,
            person: person,
            agreement: mouID,
            hostInstitution: "jrc",
            hostSite: site,
            mode: .detachment,
            domain: domain,
            startedOn: day(start),
            plannedEnd: day(end)
        )
    }

    static func grant(
        _ id: String,
        grantee: String = "alice",
        site: String = "geel",
        facility: String = "neutron-time-of-flight",
        from start: String = "2026-03-01",
        to end: String = "2026-08-31"
    ) -> InfrastructureAccessGranted {
        InfrastructureAccessGranted(
            grantID: id,
            agreement: mouID,
            granteeKind: .person,
            grantee: grantee,
            granteeInstitution: "cnrs",
            site: site,
            facility: facility,
            purpose: "Cross-section measurements for reactor safety studies",
            validFrom: day(start),
            validUntil: day(end),
            domain: "nuclear"
        )
    }

    static func grantAccess(
        _ id: String,
        grantee: String = "alice",
        site: String = "geel",
        facility: String = "neutron-time-of-flight",
        from start: String = "2026-03-01",
        to end: String = "2026-08-31"
    ) -> GrantAccess {
        GrantAccess(
            grantID: id,
            agreement: mouID,
            granteeKind: .person,
            grantee: grantee,
            site: site,
            facility: facility,
            purpose: "Cross-section measurements for reactor safety studies",
            validFrom: day(start),
            validUntil: day(end),
            domain: "nuclear"
        )
    }

    static let brusselsMeeting = MeetingHeld(
        meetingID: "brussels-2026-01",
        agreement: mouID,
        heldOn: day("2026-01-20"),
        place: "Brussels",
        units: ["CNRS Humanities & Social Sciences", "JRC"],
        topics: ["ethics", "scientific integrity", "science diplomacy", "science for policy"],
        domain: "humanities-social-sciences"
    )

    static let modellingProject = ProjectJoined(
        projectID: "energy-models",
        agreement: mouID,
        kind: .modellingWork,
        title: "Shared energy system models",
        domain: "digital-ai-data-science",
        joinedOn: day("2026-04-01"),
        plannedEnd: day("2027-03-31")
    )

    static let integrityExpertise = ExpertiseDelivered(
        expertiseID: "integrity-2026",
        agreement: mouID,
        deliveredOn: day("2026-05-15"),
        people: ["alice", "bruno"],
        policyArea: "Research integrity in policy advice",
        axis: .anticipation,
        summary: "Guidelines on scientific integrity for science-for-policy work.",
        domain: "humanities-social-sciences"
    )
}

extension Story {
    /// The partnership's first year, on top of the foundation (positions 18…):
    /// 18 the Brussels meeting; 19 s1 alice at Ispra; 20 s2 bruno at Geel; 21 s2 ends early; 22 s3 alice at
    /// Karlsruhe in digital; 23 s3 extended; 24 s4 clara (JRC) at the CNRS in Paris; 25 g1 alice at Geel;
    /// 26 g1 revoked; 27 g2 a CNRS team at Brussels; 28 the modelling project; 29 the integrity expertise.
    static let firstYear: [Event] =
        foundation + [
            .meetingHeld(brusselsMeeting),
            .secondmentStarted(secondment("s1")),
            .secondmentStarted(
                secondment(
                    "s2",
                    person: "bruno",
                    site: "geel",
                    mode: .expertiseMission,
                    from: "2026-03-01",
                    to: "2026-05-31"
                )
            ),
            .secondmentEnded(
                SecondmentEnded(secondmentID: "s2", endedOn: day("2026-04-30"), outcome: "Measurements done")
            ),
            .secondmentStarted(
                secondment(
                    "s3",
                    site: "karlsruhe",
                    mode: .specialistPost,
                    domain: "digital-ai-data-science",
                    from: "2026-09-01",
                    to: "2027-02-28"
                )
            ),
            .secondmentExtended(SecondmentExtended(secondmentID: "s3", plannedEnd: day("2027-06-30"))),
            .secondmentStarted(
                SecondmentStarted(
                    secondmentID: "s4",
                    person: "clara",
                    agreement: mouID,
                    homeInstitution: "jrc",
                    hostInstitution: "cnrs",
                    hostSite: "paris",
                    mode: .expertiseMission,
                    domain: "humanities-social-sciences",
                    startedOn: day("2026-06-01"),
                    plannedEnd: day("2026-06-30")
                )
            ),
            .infrastructureAccessGranted(grant("g1")),
            .infrastructureAccessRevoked(
                InfrastructureAccessRevoked(
                    grantID: "g1",
                    revokedOn: day("2026-05-01"),
                    reason: "Campaign finished early"
                )
            ),
            .infrastructureAccessGranted(
                InfrastructureAccessGranted(
                    grantID: "g2",
                    agreement: mouID,
                    granteeKind: .team,
                    grantee: "ethics-team",
                    granteeInstitution: "cnrs",
                    site: "brussels",
                    facility: "policy-lab",
                    purpose: "Workshops on science for policy",
                    validFrom: day("2026-02-01"),
                    validUntil: day("2026-12-31"),
                    domain: "humanities-social-sciences"
                )
            ),
            .projectJoined(modellingProject),
            .expertiseDelivered(integrityExpertise),
        ]
}
