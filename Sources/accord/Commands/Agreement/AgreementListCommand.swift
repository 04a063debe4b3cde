import AccordDomain
import ArgumentParser

struct AgreementListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List agreements, their status on a date, parties, domains and activity."
    )

    @Option(help: "Business date for the status, YYYY-MM-DD (default: today).", transform: BusinessDate.argument)
    var on: BusinessDate?
    @Option(help: "Only agreements with this party.")
    var party: String?
    @Option(help: "Only agreements covering this domain.")
    var domain: String?
    @Option(
        help:
            "Only agreements with this status on --on: \(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var status: AgreementStatus?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let query = [
            ("on", (on ?? Today.date).description), ("party", party), ("domain", domain), ("status", status?.rawValue),
        ]
        let agreements = try await asOf.read(
            "/v1/agreements",
            query: query,
            as: [AgreementSummary].self,
            global: global
        )
        if global.json { return try Console.printJSON(agreements) }
        Console.printTable(
            ["ID", "KIND", "PARTIES", "SIGNED", "VALID UNTIL", "STATUS", "DOMAINS", "ACTIVITY"],
            agreements.map {
                [
                    $0.agreementID, $0.kind.words, $0.parties.joined(separator: ","), $0.signedOn.description,
                    $0.validUntil?.description ?? "-", $0.status?.words ?? "-", $0.domains.joined(separator: ","),
                    Rows.activity($0.activity),
                ]
            },
            empty: "no agreements match",
            width: global.tableWidth
        )
    }
}
