import AccordAPI
import AccordDomain
import ArgumentParser

struct SiteShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a site's whole history: secondments hosted and access granted."
    )

    @Argument(help: "Site id.", completion: IDCompletion.sites.kind)
    var siteID: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let history = try await asOf.read(
            "/v1/sites/\(PathSegment.encode(siteID))",
            as: SiteHistory.self,
            global: global
        )
        if global.json { return try Console.printJSON(history) }
        let site = history.site
        Rows.printFields([
            ("site", "\(site.siteID) — \(site.name) (\(site.country))"), ("institution", site.institution),
            ("facilities", site.facilities.joined(separator: ", ")),
            ("corrections", CorrectionMark.text(site.corrections)),
        ])
        print()
        Console.printTable(
            Rows.timelineTitles,
            history.timeline.map(Rows.timeline),
            empty: "nothing has happened at this site yet",
            width: global.tableWidth
        )
    }
}
