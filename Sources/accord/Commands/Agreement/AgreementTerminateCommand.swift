import AccordDomain
import ArgumentParser

struct AgreementTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate",
        abstract: "Record the termination of an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["agreementID": "the agreement id", "terminatedOn": "--terminated-on"]

    @Argument(help: "Agreement id.", completion: IDCompletion.agreements.kind)
    var agreementID: String
    @Option(name: .customLong("terminated-on"), help: "Termination date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var terminatedOn: BusinessDate
    @Option(help: "Why it ended.")
    var reason: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = TerminateAgreement(agreementID: agreementID, terminatedOn: terminatedOn, reason: reason)
        try await write.send("agreement.terminate", body, id: agreementID, flags: Self.flags, global: global)
    }
}
