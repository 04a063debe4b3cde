import AccordDomain
import ArgumentParser

struct ExpertiseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List expertise delivered, in date order."
    )

    @Option(help: "Only the expertise under this agreement.")
    var agreement: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let expertise = try await asOf.read(
            "/v1/expertise",
            query: [("agreement", agreement)],
            as: [ExpertiseView].self,
            global: global
        )
        if global.json { return try Console.printJSON(expertise) }
        let table = Rows.marked(
            ["ID", "AGREEMENT", "DELIVERED", "PEOPLE", "POLICY AREA", "AXIS", "SUMMARY"],
            expertise.map {
                [
                    $0.expertiseID, $0.agreement, $0.deliveredOn.description, $0.people.joined(separator: ", "),
                    $0.policyArea, $0.axis.words, $0.summary,
                ]
            },
            expertise.map(\.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no expertise recorded",
            width: global.tableWidth
        )
    }
}
