import AccordDomain
import ArgumentParser

struct ProjectListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List projects, in date order.")

    @Option(help: "Only the projects under this agreement.")
    var agreement: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let projects = try await asOf.read(
            "/v1/projects",
            query: [("agreement", agreement)],
            as: [ProjectView].self,
            global: global
        )
        if global.json { return try Console.printJSON(projects) }
        let table = Rows.marked(
            ["ID", "AGREEMENT", "KIND", "TITLE", "DOMAIN", "JOINED", "PLANNED END", "ENDED"],
            projects.map {
                [
                    $0.projectID, $0.agreement, $0.kind.words, $0.title, $0.domain, $0.joinedOn.description,
                    $0.plannedEnd?.description ?? "-", $0.endedOn?.description ?? "-",
                ]
            },
            projects.map(\.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no projects recorded",
            width: global.tableWidth
        )
    }
}
