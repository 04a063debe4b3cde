import AccordAPI
import ArgumentParser

struct PersonHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a person's whole history with the partnership."
    )

    @Argument(help: "Person id.", completion: IDCompletion.people.kind)
    var personID: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let response = try await global.client.get(
            "/v1/people/\(PathSegment.encode(personID))",
            as: PersonHistoryResponse.self
        )
        if global.json { return try Console.printJSON(response) }
        let person = response.history.person
        Rows.printFields([
            ("person", person.personID), ("name", Rows.personName(response.personalData, response.personalDataStatus)),
            ("e-mail", response.personalData?.email),
            ("home", "\(person.homeInstitution), \(person.unit)"),
        ])
        print()
        Console.printTable(
            Rows.timelineTitles,
            response.history.timeline.map(Rows.timeline),
            empty: "no history yet",
            width: global.tableWidth
        )
    }
}
