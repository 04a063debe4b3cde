import AccordDomain
import ArgumentParser

struct SecondmentListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List secondments: who is, was or will be seconded where.",
        discussion: """
            Statuses are judged on a day: --on, else today. With --on, only the secondments under way that day: \
            active, or overdue (past the planned end with no end recorded). Without --on, all of them, with their \
            status today; --status overdue lists those whose end is missing today.
            """
    )

    @Option(
        help: "Business date, YYYY-MM-DD: only the secondments under way that day, with their status then.",
        transform: BusinessDate.argument
    )
    var on: BusinessDate?
    @Option(help: "Host site.", completion: IDCompletion.sites.kind)
    var site: String?
    @Option(help: "Agreement.", completion: IDCompletion.agreements.kind)
    var agreement: String?
    @Option(help: "Person.", completion: IDCompletion.people.kind)
    var person: String?
    @Option(help: "Home or host institution.", completion: IDCompletion.institutions.kind)
    var institution: String?
    @Option(help: "Mode: \(SecondmentMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: SecondmentMode?
    @Option(help: "Domain.")
    var domain: String?
    @Option(help: "Status on --on (default today): planned, active, overdue, ended.")
    var status: SecondmentStatus?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let query = [
            ("on", on?.description), ("statusOn", on == nil ? Today.date.description : nil), ("site", site),
            ("agreement", agreement), ("person", person),
            ("institution", institution),
            ("mode", mode?.rawValue), ("domain", domain), ("status", status?.rawValue),
        ]
        let secondments = try await asOf.read(
            "/v1/secondments",
            query: query,
            as: [SecondmentView].self,
            global: global
        )
        if global.json { return try Console.printJSON(secondments) }
        Console.printTable(
            Rows.secondmentTitles,
            secondments.map(Rows.secondment),
            empty: "no secondments match",
            width: global.tableWidth
        )
    }
}
