import AccordDomain
import ArgumentParser

struct AgreementSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Record a signed agreement between two or more institutions."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = [
        "agreementID": "--id", "signedOn": "--signed-on", "validUntil": "--valid-until", "parties": "--party",
        "domains": "--domain",
    ]

    @Option(name: .customLong("id"), help: "Agreement id, e.g. cnrs-jrc-mou-2026.")
    var agreementID: String
    @Option(help: "Title of the agreement.")
    var title: String
    @Option(help: "Kind: \(AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: AgreementKind = .mou
    @Option(name: .customLong("party"), help: "A party institution id; repeat for each (at least two).")
    var parties: [String] = []
    @Option(name: .customLong("signed-on"), help: "Signing date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var signedOn: BusinessDate
    @Option(name: .customLong("domain"), help: "A scientific domain covered, e.g. nuclear; repeat for several.")
    var domains: [String] = []
    @Option(
        name: .customLong("valid-until"),
        help: "Last day of validity, YYYY-MM-DD; omit for none.",
        transform: BusinessDate.argument
    )
    var validUntil: BusinessDate?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = SignAgreement(
            agreementID: agreementID,
            title: title,
            kind: kind,
            parties: parties,
            signedOn: signedOn,
            domains: domains,
            validUntil: validUntil
        )
        try await write.send("agreement.sign", body, flags: Self.flags, global: global)
    }
}
