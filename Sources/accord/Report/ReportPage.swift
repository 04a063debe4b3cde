import AccordAPI
import AccordDomain

/// The report as the template reads it: every text as it is shown (the template escapes it), every number formatted.
struct ReportPage {
    struct Site {
        let siteID: String
        let name: String
        let institution: String
        let country: String
        let activity: ReportChart
        let agreementChart: ReportChart
        let agreements: [Agreement]
        let hasAgreements: Bool
        let secondmentCount: String
        let grantCount: String
    }

    struct Agreement {
        let agreementID: String
        let title: String
        let kind: String
        let status: String
        let signedOn: String
        let validUntil: String
        let domains: [Domain]
    }

    struct Domain {
        let domain: String
        let openedOn: String
    }

    struct Row {
        let cells: [String]
    }

    let title: String
    let year: String
    let day: String
    let version: String
    let sites: [Site]
    let domainRows: [Row]
    let flowRows: [Row]
    let axisRows: [Row]

    init(_ data: ReportData) {
        let year = data.year
        title = "Accord report \(year)"
        self.year = String(year)
        day = data.day.description
        version = AccordVersion.current
        sites = data.sites.map { history in
            let agreementIDs = Set(history.secondments.map(\.agreement) + history.accessGrants.map(\.agreement))
            let agreements = agreementIDs.sorted().compactMap { data.agreements[$0] }
            return Site(
                siteID: history.site.siteID,
                name: history.site.name,
                institution: history.site.institution,
                country: history.site.country,
                activity: ReportChart(year: year, items: ReportPage.activityItems(history), day: data.day),
                agreementChart: ReportChart(
                    year: year,
                    items: agreements.map { ReportPage.agreementItem($0, year: year) },
                    day: data.day
                ),
                agreements: agreements.map(ReportPage.agreement),
                hasAgreements: !agreements.isEmpty,
                secondmentCount: Plural.count(
                    history.secondments.filter { ReportPage.overlaps($0.startedOn, $0.lastDay, year) }.count,
                    "secondment"
                ),
                grantCount: Plural.count(
                    history.accessGrants.filter { ReportPage.overlaps($0.validFrom, $0.lastValidDay, year) }.count,
                    "access grant"
                )
            )
        }
        let figures = data.figures
        domainRows = figures.activityByDomain.filter { $0.year == year }.map {
            let counts = $0.activity
            return Row(
                cells: [$0.domain]
                    + [counts.secondments, counts.accessGrants, counts.meetings, counts.projects, counts.expertise]
                    .map(String.init)
            )
        }
        flowRows = figures.mobilityFlows.filter { $0.year == year }.map {
            Row(cells: [$0.homeInstitution, $0.hostInstitution, String($0.secondmentsStarted)])
        }
        // Every axis has a row, zero included: an axis nobody served is a figure too.
        axisRows = Axis.allCases.map { axis in
            let count = figures.activityByAxis.filter { $0.year == year && $0.axis == axis }.map(\.expertise)
                .reduce(0, +)
            return Row(cells: [axis.words, String(count)])
        }
    }

    static func overlaps(_ first: BusinessDate, _ last: BusinessDate, _ year: Int) -> Bool {
        first.year <= year && last.year >= year
    }

    private static func activityItems(_ history: SiteHistory) -> [ReportChart.Item] {
        let secondments = history.secondments.map { secondment in
            ReportChart.Item(
                label: "\(secondment.secondmentID) · \(secondment.person)",
                kind: "secondment",
                first: secondment.startedOn,
                last: secondment.lastDay,
                title:
                    "secondment \(secondment.secondmentID) of \(secondment.person) from \(secondment.homeInstitution), "
                    + "\(secondment.mode.words), \(secondment.domain): \(secondment.startedOn) to \(secondment.lastDay), "
                    + secondment.status.words
            )
        }
        let grants = history.accessGrants.map { grant in
            ReportChart.Item(
                label: "\(grant.grantID) · \(grant.facility)",
                kind: "grant",
                first: grant.validFrom,
                last: grant.lastValidDay,
                title: "access grant \(grant.grantID) to \(grant.grantee) for \(grant.facility) (\(grant.purpose)): "
                    + "\(grant.validFrom) to \(grant.lastValidDay), \(grant.status.words)"
            )
        }
        return secondments + grants
    }

    private static func agreementItem(_ agreement: AgreementDetail, year: Int) -> ReportChart.Item {
        // An agreement without an end runs to the end of the year drawn (the year was validated, so its last day exists).
        let last = agreement.terminatedOn ?? agreement.validUntil ?? (try! BusinessDate(year: year, month: 12, day: 31))
        var item = ReportChart.Item(
            label: agreement.agreementID,
            kind: "agreement",
            first: agreement.signedOn,
            last: last,
            title: "\(agreement.title): signed \(agreement.signedOn)"
                + (agreement.validUntil.map { ", valid until \($0)" } ?? "")
                + (agreement.terminatedOn.map { ", terminated \($0)" } ?? "")
        )
        item.marks = agreement.domains.map { ($0.openedOn, "\($0.domain) from \($0.openedOn)") }
        return item
    }

    private static func agreement(_ agreement: AgreementDetail) -> Agreement {
        Agreement(
            agreementID: agreement.agreementID,
            title: agreement.title,
            kind: agreement.kind.words,
            status: agreement.status?.words ?? "",
            signedOn: agreement.signedOn.description,
            validUntil: (agreement.terminatedOn ?? agreement.validUntil)?.description ?? "open-ended",
            domains: agreement.domains.map { Domain(domain: $0.domain, openedOn: $0.openedOn.description) }
        )
    }
}
