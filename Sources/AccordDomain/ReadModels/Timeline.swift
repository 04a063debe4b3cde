/// Builds the dated steps of a site's or a person's history from the views already computed for it.
enum Timeline {
    /// `recorded` are steps dated by the day they were recorded; on the same day they come after the others.
    static func entries(
        secondments: [SecondmentView],
        grants: [AccessGrantView],
        expertise: [ExpertiseView],
        recorded: [TimelineEntry] = []
    ) -> [TimelineEntry] {
        var ranked: [(rank: Int, entry: TimelineEntry)] = recorded.map { (2, $0) }
        for secondment in secondments {
            let subject = StreamName.secondment(secondment.secondmentID)
            ranked.append(
                (
                    0,
                    TimelineEntry(
                        date: secondment.startedOn,
                        event: SecondmentStarted.typeName,
                        subject: subject,
                        summary:
                            "\(secondment.person) (\(secondment.homeInstitution)) seconded to \(secondment.hostSite) "
                            + "(\(secondment.hostInstitution)) as \(secondment.mode.rawValue) in \(secondment.domain), "
                            + "planned until \(secondment.plannedEnd)",
                        corrections: secondment.corrections
                    )
                )
            )
            if let endedOn = secondment.endedOn {
                ranked.append(
                    (
                        1,
                        TimelineEntry(
                            date: endedOn,
                            event: SecondmentEnded.typeName,
                            subject: subject,
                            summary: "\(secondment.person) left \(secondment.hostSite): \(secondment.outcome ?? "")",
                            corrections: secondment.corrections
                        )
                    )
                )
            }
        }
        for grant in grants {
            let subject = StreamName.grant(grant.grantID)
            ranked.append(
                (
                    0,
                    TimelineEntry(
                        date: grant.validFrom,
                        event: InfrastructureAccessGranted.typeName,
                        subject: subject,
                        summary:
                            "\(grant.granteeKind.rawValue) \(grant.grantee) (\(grant.granteeInstitution)) may use "
                            + "\(grant.facility) at \(grant.site) until \(grant.validUntil)",
                        corrections: grant.corrections
                    )
                )
            )
            if let revokedOn = grant.revokedOn {
                ranked.append(
                    (
                        1,
                        TimelineEntry(
                            date: revokedOn,
                            event: InfrastructureAccessRevoked.typeName,
                            subject: subject,
                            summary: "access of \(grant.grantee) to \(grant.facility) at \(grant.site) revoked: "
                                + (grant.revocationReason ?? ""),
                            corrections: grant.corrections
                        )
                    )
                )
            }
        }
        for item in expertise {
            ranked.append(
                (
                    0,
                    TimelineEntry(
                        date: item.deliveredOn,
                        event: ExpertiseDelivered.typeName,
                        subject: StreamName.expertise(item.expertiseID),
                        summary: "expertise on \(item.policyArea) (\(item.axis.rawValue)) under \(item.agreement)",
                        corrections: item.corrections
                    )
                )
            )
        }
        return ranked.sorted { left, right in
            (left.entry.date, left.rank, left.entry.subject) < (right.entry.date, right.rank, right.entry.subject)
        }
        .map(\.entry)
    }
}
