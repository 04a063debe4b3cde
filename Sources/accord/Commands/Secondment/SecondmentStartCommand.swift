import AccordDomain
import ArgumentParser

struct SecondmentStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Record the start of a secondment under an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = [
        "secondmentID": "--id", "homeInstitution": "--home-institution", "hostInstitution": "--host-institution",
        "hostSite": "--host-site", "startedOn": "--start", "plannedEnd": "--planned-end",
    ]

    @Option(name: .customLong("id"), help: "Secondment id, e.g. s-2026-001.")
    var secondmentID: String
    @Option(help: "The person seconded (person id).")
    var person: String
    @Option(help: "The agreement covering it.")
    var agreement: String
    @Option(name: .customLong("home-institution"), help: "Home institution; defaults to the person's.")
    var homeInstitution: String?
    @Option(name: .customLong("host-institution"), help: "Host institution, e.g. jrc.")
    var hostInstitution: String
    @Option(name: .customLong("host-site"), help: "Host site of the host institution, e.g. ispra.")
    var hostSite: String
    @Option(help: "Mode: \(SecondmentMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: SecondmentMode
    @Option(help: "Scientific domain, one of the agreement's.")
    var domain: String
    @Option(name: .customLong("start"), help: "First day, YYYY-MM-DD.", transform: BusinessDate.argument)
    var startedOn: BusinessDate
    @Option(name: .customLong("planned-end"), help: "Planned last day, YYYY-MM-DD.", transform: BusinessDate.argument)
    var plannedEnd: BusinessDate
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = StartSecondment(
            secondmentID: secondmentID,
            person: person,
            agreement: agreement,
            homeInstitution: homeInstitution,
            hostInstitution: hostInstitution,
            hostSite: hostSite,
            mode: mode,
            domain: domain,
            startedOn: startedOn,
            plannedEnd: plannedEnd
        )
        try await write.send("secondment.start", body, flags: Self.flags, global: global)
    }
}
