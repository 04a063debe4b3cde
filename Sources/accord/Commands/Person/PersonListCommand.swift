import AccordAPI
import ArgumentParser

struct PersonListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered people.")

    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let people = try await asOf.read("/v1/people", as: [PersonListing].self, global: global)
        if global.json { return try Console.printJSON(people) }
        let table = Rows.marked(
            ["ID", "NAME", "HOME", "UNIT"],
            people.map {
                [
                    $0.person.personID,
                    Rows.personName($0.personalData, $0.personalDataStatus, erasure: $0.person.erasure),
                    $0.person.homeInstitution, $0.person.unit,
                ]
            },
            people.map(\.person.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no people registered",
            width: global.tableWidth
        )
    }
}
