import AccordDomain
import ArgumentParser

struct ProjectEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "Record the end of a project.")

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["projectID": "the project id", "endedOn": "--ended-on"]

    @Argument(help: "Project id.")
    var projectID: String
    @Option(name: .customLong("ended-on"), help: "End date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var endedOn: BusinessDate
    @Option(help: "Outcome.")
    var outcome: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await write.send(
            "project.end",
            EndProject(projectID: projectID, endedOn: endedOn, outcome: outcome),
            id: projectID,
            flags: Self.flags, global: global
        )
    }
}
