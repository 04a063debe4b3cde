import AccordDomain
import ArgumentParser

struct SiteListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sites and their facilities.")

    @Option(help: "Only the sites of this institution.")
    var institution: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let sites = try await asOf.read(
            "/v1/sites",
            query: [("institution", institution)],
            as: [SiteView].self,
            global: global
        )
        if global.json { return try Console.printJSON(sites) }
        let table = Rows.marked(
            ["ID", "INSTITUTION", "NAME", "COUNTRY", "FACILITIES"],
            sites.map { [$0.siteID, $0.institution, $0.name, $0.country, $0.facilities.joined(separator: ", ")] },
            sites.map(\.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no sites registered",
            width: global.tableWidth
        )
    }
}
