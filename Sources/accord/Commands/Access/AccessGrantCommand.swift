import AccordDomain
import ArgumentParser

struct AccessGrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Grant a person or a team access to a facility at a site."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = [
        "grantID": "--id", "granteeKind": "--grantee-kind", "granteeInstitution": "--grantee-institution",
        "validFrom": "--valid-from", "validUntil": "--valid-until",
    ]

    @Option(name: .customLong("id"), help: "Grant id, e.g. g-2026-001.")
    var grantID: String
    @Option(help: "The agreement covering it.")
    var agreement: String
    @Option(name: .customLong("grantee-kind"), help: "Who is granted: person or team.")
    var granteeKind: GranteeKind = .person
    @Option(help: "The person id, or the team id.")
    var grantee: String
    @Option(
        name: .customLong("grantee-institution"),
        help: "A team's institution; for a person, defaults to their home institution."
    )
    var granteeInstitution: String?
    @Option(help: "The site, e.g. petten.")
    var site: String
    @Option(help: "The facility at that site.")
    var facility: String
    @Option(help: "What the access is for.")
    var purpose: String
    @Option(name: .customLong("valid-from"), help: "First valid day, YYYY-MM-DD.", transform: BusinessDate.argument)
    var validFrom: BusinessDate
    @Option(name: .customLong("valid-until"), help: "Last valid day, YYYY-MM-DD.", transform: BusinessDate.argument)
    var validUntil: BusinessDate
    @Option(help: "Scientific domain of the work, one of the agreement's (optional).")
    var domain: String?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = GrantAccess(
            grantID: grantID,
            agreement: agreement,
            granteeKind: granteeKind,
            grantee: grantee,
            granteeInstitution: granteeInstitution,
            site: site,
            facility: facility,
            purpose: purpose,
            validFrom: validFrom,
            validUntil: validUntil,
            domain: domain
        )
        try await write.send("access.grant", body, flags: Self.flags, global: global)
    }
}
