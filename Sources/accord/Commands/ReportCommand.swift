import AccordAPI
import AccordClient
import AccordDomain
import ArgumentParser
import Foundation
import Mustache

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a year: per site, its timeline, agreements and domains.",
        discussion: """
            For each site of the institution (--institution, default jrc), or the one --site names: an SVG timeline \
            of the secondments it hosts and the access grants to it that overlap the year, and the agreements they \
            fall under with the domains each opened over time; then the year's figures for the whole ledger by \
            domain, by mobility flow and by axis of the JRC mandate (anticipation, integration, impact). Statuses \
            are those of today, or of the year's last day for a year that is over. The page holds its CSS and SVG \
            inline and loads nothing (no script, font or image from elsewhere), so it opens offline. The file is \
            written beside its final name, made durable, then moved into place; an existing file is kept unless \
            --force is given. It reads the daemon's read models only, so the reader role suffices.
            """
    )

    @Option(name: .customLong("html"), help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var file: String

    @Option(help: "The year to report on (default: this year).")
    var year: Int?

    @Option(
        help: ArgumentHelp("Only this site (any institution's).", valueName: "id"),
        completion: IDCompletion.sites.kind
    )
    var site: String?

    @Option(
        help: ArgumentHelp("The institution whose sites are reported on, without --site.", valueName: "id"),
        completion: IDCompletion.institutions.kind
    )
    var institution = "jrc"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let year, !(BusinessDate.earliestYear...BusinessDate.latestYear).contains(year) {
            throw ValidationError(
                "--year must be between \(BusinessDate.earliestYear) and \(BusinessDate.latestYear)"
            )
        }
        if !force, FileManager.default.fileExists(atPath: file) {
            throw ValidationError(
                "--html \(file) already exists; choose a new file name, or give --force to replace it"
            )
        }
    }

    func run() async throws {
        let today = Today.date
        let year = self.year ?? today.year
        // The year was validated, so its last day exists.
        let lastDay = try! BusinessDate(year: year, month: 12, day: 31)
        let data = try await fetch(year: year, day: min(today, lastDay))
        let html = try ReportCommand.render(ReportPage(data))
        let bytes = Data(html.utf8)
        let destination = try ExportDestination(path: file, flag: "--html", replacing: force)
        try destination.write(bytes)
        try destination.finish()
        let written = ReportWritten(file: file, year: year, sites: data.sites.map(\.site.siteID), bytes: bytes.count)
        if global.json { return try Console.printJSON(written) }
        print("wrote \(file): \(year), \(Plural.count(written.sites.count, "site")), \(bytes.count) bytes")
    }

    static func render(_ page: ReportPage) throws -> String {
        let library = MustacheLibrary(templates: [
            "chart": try MustacheTemplate(string: ReportTemplate.chart),
            "page": try MustacheTemplate(string: ReportTemplate.page),
        ])
        // Both templates are part of this program and were parsed just above.
        return library.render(page, withTemplate: "page")!
    }

    private func fetch(year: Int, day: BusinessDate) async throws(ClientError) -> ReportData {
        let client = global.client
        let siteIDs: [String]
        if let site {
            siteIDs = [site]
        } else {
            // An unknown institution is refused by name, rather than reported as one without sites.
            _ = try await client.get("/v1/institutions/\(PathSegment.encode(institution))", as: InstitutionView.self)
            siteIDs = try await client.get("/v1/sites", query: [("institution", institution)], as: [SiteView].self)
                .map(\.siteID)
        }
        var sites: [SiteHistory] = []
        for siteID in siteIDs {
            sites.append(try await client.get("/v1/sites/\(PathSegment.encode(siteID))", as: SiteHistory.self))
        }
        let agreementIDs = Set(sites.flatMap { $0.secondments.map(\.agreement) + $0.accessGrants.map(\.agreement) })
        var agreements: [String: AgreementDetail] = [:]
        for agreementID in agreementIDs.sorted() {
            agreements[agreementID] = try await client.get(
                "/v1/agreements/\(PathSegment.encode(agreementID))",
                query: [("on", day.description)],
                as: AgreementDetail.self
            )
        }
        let figures = try await client.get("/v1/figures", query: [("year", String(year))], as: Figures.self)
        return ReportData(year: year, day: day, sites: sites, agreements: agreements, figures: figures)
    }
}
