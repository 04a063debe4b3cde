import AccordDomain
import ArgumentParser

struct AccessRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a grant that is valid on the given date."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["grantID": "the grant id", "revokedOn": "--revoked-on"]

    @Argument(help: "Grant id.", completion: IDCompletion.accessGrants.kind)
    var grantID: String
    @Option(name: .customLong("revoked-on"), help: "Revocation date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var revokedOn: BusinessDate
    @Option(help: "Why it was revoked.")
    var reason: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await write.send(
            "access.revoke",
            RevokeAccess(grantID: grantID, revokedOn: revokedOn, reason: reason),
            id: grantID,
            flags: Self.flags, global: global
        )
    }
}
