import AccordDomain
import ArgumentParser

struct SecondmentExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Move a secondment's planned end later."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["secondmentID": "the secondment id", "plannedEnd": "--planned-end"]

    @Argument(help: "Secondment id.", completion: IDCompletion.secondments.kind)
    var secondmentID: String
    @Option(
        name: .customLong("planned-end"),
        help: "New planned last day, YYYY-MM-DD (later than the current one).",
        transform: BusinessDate.argument
    )
    var plannedEnd: BusinessDate
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await write.send(
            "secondment.extend",
            ExtendSecondment(secondmentID: secondmentID, plannedEnd: plannedEnd),
            id: secondmentID,
            flags: Self.flags, global: global
        )
    }
}
