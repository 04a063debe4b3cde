import XCTest

@testable import AccordDomain

/// A correction or retraction rebuilds only the entities it touches; these check that the records come out as a
/// replay of the whole effective history makes them.
final class CorrectionRebuildTests: XCTestCase {
    func testRandomHistoriesEvolveAsAFullRebuild() {
        var corrections = 0
        var retractions = 0
        for seed in UInt64(1)...40 {
            var history = RandomHistory(seed: seed)
            for _ in 0..<150 {
                guard let recorded = history.recordNext() else { break }
                switch recorded.event {
                case .eventCorrected: corrections += 1
                case .eventRetracted: retractions += 1
                default: break
                }
                guard history.state.projection == fullRebuild(of: history.state) else {
                    XCTFail(
                        "seed \(seed): after \(recorded.event.typeName) at position \(recorded.position) the projection "
                            + "differs from a full rebuild; rerun RandomHistory(seed: \(seed)) to see the story"
                    )
                    return
                }
            }
        }
        // The stories must exercise what they test.
        XCTAssertGreaterThan(corrections, 100)
        XCTAssertGreaterThan(retractions, 50)
    }

    func testACorrectionMovingASecondmentToAnotherPersonAndAgreement() {
        let scenario = given(Self.twoAgreements + [.secondmentStarted(Story.secondment("s1"))])
        let moved = SecondmentStarted(
            secondmentID: "s1",
            person: "bruno",
            agreement: "cnrs-jrc-2",
            homeInstitution: "cnrs",
            hostInstitution: "jrc",
            hostSite: "geel",
            mode: .detachment,
            domain: "nuclear",
            startedOn: day("2026-02-01"),
            plannedEnd: day("2026-07-31")
        )
        let position = scenario.state.lastPosition ?? 0
        let after = scenario.after(
            .correctEvent(CorrectEvent(position: position, corrected: .secondmentStarted(moved), reason: "Bruno went"))
        )
        let projection = after.state.projection
        XCTAssertEqual(projection.people["alice"]?.secondments, [])
        XCTAssertEqual(projection.people["bruno"]?.secondments, ["s1"])
        XCTAssertEqual(projection.agreements[Story.mouID]?.secondments, [])
        XCTAssertEqual(projection.agreements["cnrs-jrc-2"]?.secondments, ["s1"])
        XCTAssertEqual(projection.sites["ispra"]?.secondments, [])
        XCTAssertEqual(projection.sites["geel"]?.secondments, ["s1"])
        XCTAssertEqual(projection.secondments["s1"]?.started, moved)
        XCTAssertEqual(projection, fullRebuild(of: after.state))
    }

    func testARetractedGrantLeavesItsParents() {
        let scenario = given(Story.foundation + [.infrastructureAccessGranted(Story.grant("g1"))])
        let position = scenario.state.lastPosition ?? 0
        let after = scenario.after(
            .retractEvent(RetractEvent(position: position, reason: "Never granted"))
        )
        let projection = after.state.projection
        XCTAssertNil(projection.grants["g1"])
        XCTAssertEqual(projection.people["alice"]?.grants, [])
        XCTAssertEqual(projection.agreements[Story.mouID]?.grants, [])
        XCTAssertEqual(projection.sites["geel"]?.grants, [])
        XCTAssertEqual(projection, fullRebuild(of: after.state))
    }

    func testACorrectedAgreementKeepsItsChildren() {
        let scenario = given(
            Story.foundation + [
                .secondmentStarted(Story.secondment("s1")), .meetingHeld(Story.brusselsMeeting),
                .infrastructureAccessGranted(Story.grant("g1")),
            ]
        )
        var signed = Story.mouSigned
        signed.validUntil = day("2031-12-31")
        let after = scenario.after(
            .correctEvent(CorrectEvent(position: 12, corrected: .agreementSigned(signed), reason: "Runs to 2031"))
        )
        let record = after.state.projection.agreements[Story.mouID]
        XCTAssertEqual(record?.validUntil, day("2031-12-31"))
        XCTAssertEqual(record?.secondments, ["s1"])
        XCTAssertEqual(record?.meetings, [Story.brusselsMeeting.meetingID])
        XCTAssertEqual(record?.grants, ["g1"])
        XCTAssertEqual(record?.allDomains, Story.mouSigned.domains + [Story.digitalAdded.domain])
        XCTAssertEqual(after.state.projection, fullRebuild(of: after.state))
    }

    func testASecondCorrectionReplacesTheFirst() {
        let scenario = given(Self.twoAgreements + [.secondmentStarted(Story.secondment("s1"))])
        let position = scenario.state.lastPosition ?? 0
        let toBruno = Story.secondment("s1", person: "bruno")
        var toSecondAgreement = Story.secondment("s1", person: "bruno", site: "geel")
        toSecondAgreement.agreement = "cnrs-jrc-2"
        let after =
            scenario
            .after(
                .correctEvent(CorrectEvent(position: position, corrected: .secondmentStarted(toBruno), reason: "Bruno"))
            )
            .after(
                .correctEvent(
                    CorrectEvent(position: position, corrected: .secondmentStarted(toSecondAgreement), reason: "Geel")
                )
            )
        let projection = after.state.projection
        XCTAssertEqual(projection.secondments["s1"]?.started, toSecondAgreement)
        XCTAssertEqual(projection.people["alice"]?.secondments, [])
        XCTAssertEqual(projection.people["bruno"]?.secondments, ["s1"])
        XCTAssertEqual(projection.agreements[Story.mouID]?.secondments, [])
        XCTAssertEqual(projection.agreements["cnrs-jrc-2"]?.secondments, ["s1"])
        XCTAssertEqual(projection.sites["ispra"]?.secondments, [])
        XCTAssertEqual(projection, fullRebuild(of: after.state))
    }

    /// The foundation and a second agreement between the same parties, to move children to.
    private static let twoAgreements: [Event] =
        Story.foundation + [
            .agreementSigned(
                AgreementSigned(
                    agreementID: "cnrs-jrc-2",
                    title: "A second agreement",
                    kind: .framework,
                    parties: ["cnrs", "jrc"],
                    signedOn: day("2026-01-02"),
                    domains: ["nuclear"],
                    validUntil: day("2030-12-31")
                )
            )
        ]

    /// The oracle: every effective event applied in log order to empty entities.
    private func fullRebuild(of state: LedgerState) -> Projection {
        var rebuilt = Projection()
        guard let last = state.lastPosition else { return rebuilt }
        for position in UInt64(1)...last {
            if let event = state.effectiveEvent(at: position) {
                rebuilt.apply(event, position: position)
            }
        }
        return rebuilt
    }
}
