import AccordDomain
import ArgumentParser

struct AccessListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List infrastructure access grants, valid on a date, at a site or facility, or expiring soon."
    )

    @Option(
        help: "Business date, YYYY-MM-DD: only grants valid that day (default: all, with their status today).",
        transform: BusinessDate.argument
    )
    var on: BusinessDate?
    @Option(help: "Site.", completion: IDCompletion.sites.kind)
    var site: String?
    @Option(help: "Facility.")
    var facility: String?
    @Option(help: "Agreement.", completion: IDCompletion.agreements.kind)
    var agreement: String?
    @Option(help: "Grantee (person or team id).")
    var grantee: String?
    @Option(
        name: .customLong("expiring-within-days"),
        help: "Only grants whose last valid day is within this many days of --on (default: today)."
    )
    var expiringWithinDays: Int?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let expiringWithinDays, !(0...3_650).contains(expiringWithinDays) {
            throw ValidationError("--expiring-within-days must be between 0 and 3650")
        }
    }

    func run() async throws {
        let day = on ?? (expiringWithinDays == nil ? nil : Today.date)
        let query = [
            ("on", day?.description), ("site", site), ("facility", facility), ("agreement", agreement),
            ("grantee", grantee),
            ("expiringWithinDays", expiringWithinDays.map(String.init)),
            // Without a day to filter on, every grant with its status today.
            ("statusOn", day == nil ? Today.date.description : nil),
        ]
        let grants = try await asOf.read("/v1/access-grants", query: query, as: [AccessGrantView].self, global: global)
        if global.json { return try Console.printJSON(grants) }
        Console.printTable(
            Rows.grantTitles,
            grants.map(Rows.grant),
            empty: "no access grants match",
            width: global.tableWidth
        )
    }
}
