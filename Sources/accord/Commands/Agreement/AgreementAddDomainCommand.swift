import AccordDomain
import ArgumentParser

struct AgreementAddDomainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-domain",
        abstract: "Open a further scientific domain under an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["agreementID": "the agreement id", "addedOn": "--added-on"]

    @Argument(help: "Agreement id.", completion: IDCompletion.agreements.kind)
    var agreementID: String
    @Option(help: "The domain opened, e.g. digital-ai-data-science.")
    var domain: String
    @Option(
        name: .customLong("added-on"),
        help: "Date the domain was opened, YYYY-MM-DD.",
        transform: BusinessDate.argument
    )
    var addedOn: BusinessDate
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = AddAgreementDomain(agreementID: agreementID, domain: domain, addedOn: addedOn)
        try await write.send("agreement.add-domain", body, id: agreementID, flags: Self.flags, global: global)
    }
}
