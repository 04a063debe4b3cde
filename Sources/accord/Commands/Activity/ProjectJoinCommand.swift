import AccordDomain
import ArgumentParser

struct ProjectJoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Record joint work on a project under an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["projectID": "--id", "joinedOn": "--joined-on", "plannedEnd": "--planned-end"]

    @Option(name: .customLong("id"), help: "Project id.")
    var projectID: String
    @Option(help: "The agreement.")
    var agreement: String
    @Option(help: "Kind: \(ProjectKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: ProjectKind
    @Option(help: "Project title.")
    var title: String
    @Option(help: "Scientific domain, one of the agreement's.")
    var domain: String
    @Option(name: .customLong("joined-on"), help: "Date joined, YYYY-MM-DD.", transform: BusinessDate.argument)
    var joinedOn: BusinessDate
    @Option(
        name: .customLong("planned-end"),
        help: "Planned end, YYYY-MM-DD (optional).",
        transform: BusinessDate.argument
    )
    var plannedEnd: BusinessDate?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = JoinProject(
            projectID: projectID,
            agreement: agreement,
            kind: kind,
            title: title,
            domain: domain,
            joinedOn: joinedOn,
            plannedEnd: plannedEnd
        )
        try await write.send("project.join", body, flags: Self.flags, global: global)
    }
}
