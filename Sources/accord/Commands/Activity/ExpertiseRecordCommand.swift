import AccordDomain
import ArgumentParser

struct ExpertiseRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record expertise delivered under an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = [
        "expertiseID": "--id", "deliveredOn": "--delivered-on", "policyArea": "--policy-area", "people": "--person",
    ]

    @Option(name: .customLong("id"), help: "Expertise id.")
    var expertiseID: String
    @Option(help: "The agreement.")
    var agreement: String
    @Option(name: .customLong("delivered-on"), help: "Date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var deliveredOn: BusinessDate
    @Option(name: .customLong("person"), help: "A registered person who contributed; repeat for each (at least one).")
    var people: [String] = []
    @Option(name: .customLong("policy-area"), help: "Policy area served, e.g. \"science for policy\".")
    var policyArea: String
    @Option(help: "JRC axis: \(Axis.allCases.map(\.rawValue).joined(separator: ", ")).")
    var axis: Axis
    @Option(help: "Short summary.")
    var summary: String
    @Option(help: "Scientific domain (optional).")
    var domain: String?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = RecordExpertise(
            expertiseID: expertiseID,
            agreement: agreement,
            deliveredOn: deliveredOn,
            people: people,
            policyArea: policyArea,
            axis: axis,
            summary: summary,
            domain: domain
        )
        try await write.send("expertise.record", body, flags: Self.flags, global: global)
    }
}
