import AccordDomain

/// What the report is drawn from, as the daemon's read models answered it.
struct ReportData {
    let year: Int
    /// The day statuses are computed on: today, or the year's last day for a year that is over.
    let day: BusinessDate
    let sites: [SiteHistory]
    /// Every agreement a site's secondment or grant falls under, by id.
    let agreements: [String: AgreementDetail]
    let figures: Figures
}
