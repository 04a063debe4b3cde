import AccordDomain
import ArgumentParser

struct SecondmentListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List secondments: who is, was or will be seconded where.",
        discussion: "With --on, only secondments running that day (from the start to the actual or planned end)."
    )

    @Option(help: "Business date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var on: BusinessDate?
    @Option(help: "Host site.")
    var site: String?
    @Option(help: "Agreement.")
    var agreement: String?
    @Option(help: "Person.")
    var person: String?
    @Option(help: "Home or host institution.")
    var institution: String?
    @Option(help: "Mode: \(SecondmentMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: SecondmentMode?
    @Option(help: "Domain.")
    var domain: String?
    @Option(help: "Status: \(SecondmentStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: SecondmentStatus?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let query = [
            ("on", on?.description), ("site", site), ("agreement", agreement), ("person", person),
            ("institution", institution),
            ("mode", mode?.rawValue), ("domain", domain), ("status", status?.rawValue),
        ]
        let secondments = try await global.client.get("/v1/secondments", query: query, as: [SecondmentView].self)
        if global.json { return try Console.printJSON(secondments) }
        Console.printTable(Rows.secondmentTitles, secondments.map(Rows.secondment), empty: "no secondments match")
    }
}
