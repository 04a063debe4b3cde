import AccordAPI
import AccordDomain
import ArgumentParser

struct AgreementShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an agreement with its domains and everything done under it."
    )

    @Argument(help: "Agreement id.", completion: IDCompletion.agreements.kind)
    var agreementID: String
    @Option(help: "Business date for the status, YYYY-MM-DD (default: today).", transform: BusinessDate.argument)
    var on: BusinessDate?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let detail = try await asOf.read(
            "/v1/agreements/\(PathSegment.encode(agreementID))",
            query: [("on", (on ?? Today.date).description)],
            as: AgreementDetail.self,
            global: global
        )
        if global.json { return try Console.printJSON(detail) }
        Rows.printFields([
            ("agreement", detail.agreementID), ("title", detail.title), ("kind", detail.kind.words),
            ("parties", detail.parties.joined(separator: ", ")), ("signed on", detail.signedOn.description),
            ("valid until", detail.validUntil?.description ?? "no end date"),
            ("terminated on", detail.terminatedOn.map { "\($0) (\(detail.terminationReason ?? ""))" }),
            ("status", detail.status.map { Rows.status($0, on: detail.statusOn) }),
            ("domains", detail.domains.map(\.domain).joined(separator: ", ")),
            ("activity", Rows.activity(detail.activity)),
            ("corrections", CorrectionMark.text(detail.corrections)),
        ])
        if !detail.secondments.isEmpty {
            print()
            Console.printTable(
                Rows.secondmentTitles,
                detail.secondments.map(Rows.secondment),
                empty: "",
                width: global.tableWidth
            )
        }
        if !detail.accessGrants.isEmpty {
            print()
            Console.printTable(
                Rows.grantTitles,
                detail.accessGrants.map(Rows.grant),
                empty: "",
                width: global.tableWidth
            )
        }
    }
}
