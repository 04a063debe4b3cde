import AccordDomain
import ArgumentParser

struct AgreementExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Move an agreement's end of validity later."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["agreementID": "the agreement id", "validUntil": "--valid-until"]

    @Argument(help: "Agreement id.", completion: IDCompletion.agreements.kind)
    var agreementID: String
    @Option(
        name: .customLong("valid-until"),
        help: "New last day of validity, YYYY-MM-DD (later than the current one).",
        transform: BusinessDate.argument
    )
    var validUntil: BusinessDate
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await write.send(
            "agreement.extend",
            ExtendAgreement(agreementID: agreementID, validUntil: validUntil),
            id: agreementID,
            flags: Self.flags, global: global
        )
    }
}
