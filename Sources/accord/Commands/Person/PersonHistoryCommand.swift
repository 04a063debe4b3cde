import AccordDomain
import AccordAPI
import ArgumentParser

struct PersonHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a person's whole history with the partnership."
    )

    @Argument(help: "Person id.", completion: IDCompletion.people.kind)
    var personID: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let response = try await asOf.read(
            "/v1/people/\(PathSegment.encode(personID))",
            as: PersonHistoryResponse.self,
            global: global
        )
        if global.json { return try Console.printJSON(response) }
        let person = response.history.person
        Rows.printFields([
            ("person", person.personID),
            ("name", Rows.personName(response.personalData, response.personalDataStatus, erasure: person.erasure)),
            ("e-mail", response.personalData?.email),
            ("erasure", person.erasure.map { "by \($0.erasedBy): \($0.reason) (legal basis: \($0.legalBasis))" }),
            ("home", "\(person.homeInstitution), \(person.unit)"),
            ("corrections", CorrectionMark.text(person.corrections)),
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
