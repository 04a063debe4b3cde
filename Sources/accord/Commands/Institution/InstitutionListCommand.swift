import AccordDomain
import ArgumentParser

struct InstitutionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List institutions with their sites and agreements."
    )

    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let institutions = try await asOf.read("/v1/institutions", as: [InstitutionView].self, global: global)
        if global.json { return try Console.printJSON(institutions) }
        let table = Rows.marked(
            ["ID", "NAME", "COUNTRY", "KIND", "SITES", "AGREEMENTS"],
            institutions.map {
                [
                    $0.institutionID, $0.name, $0.country, $0.kind.words, $0.sites.joined(separator: ","),
                    $0.agreements.joined(separator: ","),
                ]
            },
            institutions.map(\.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no institutions registered",
            width: global.tableWidth
        )
    }
}
