import AccordDomain
import ArgumentParser

struct SecondmentEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end",
        abstract: "Record the actual end of an active secondment."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["secondmentID": "the secondment id", "endedOn": "--ended-on"]

    @Argument(help: "Secondment id.", completion: IDCompletion.secondments.kind)
    var secondmentID: String
    @Option(name: .customLong("ended-on"), help: "Actual last day, YYYY-MM-DD.", transform: BusinessDate.argument)
    var endedOn: BusinessDate
    @Option(help: "Outcome, e.g. \"completed\" or a short summary.")
    var outcome: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = EndSecondment(secondmentID: secondmentID, endedOn: endedOn, outcome: outcome)
        try await write.send("secondment.end", body, id: secondmentID, flags: Self.flags, global: global)
    }
}
