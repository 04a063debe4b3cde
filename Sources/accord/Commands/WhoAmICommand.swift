import AccordAPI
import ArgumentParser

struct WhoAmICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who the daemon takes you to be (from the kernel) and the roles its policy gives you.",
        discussion: """
            Roles: reader (queries and the log), recorder (reader, and the commands that append), auditor (reader, \
            and verification, proofs, export), admin (everything). No role means every other command is refused.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let identity = try await global.client.get("/v1/whoami", as: IdentityView.self)
        if global.json {
            try Console.printJSON(identity)
            return
        }
        Rows.printFields([
            ("user", "\(identity.userName) (uid \(identity.userID))"),
            ("group", String(identity.groupID)),
            ("groups", identity.groups.isEmpty ? "none" : identity.groups.joined(separator: ", ")),
            ("process", String(identity.processID)),
            ("roles", identity.roles.isEmpty ? "none" : identity.roles.map(\.rawValue).joined(separator: ", ")),
            ("socket", global.resolvedSocketPath),
        ])
    }
}
