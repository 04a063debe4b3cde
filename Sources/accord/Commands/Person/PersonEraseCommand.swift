import AccordDomain
import ArgumentParser

struct PersonEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person's name and e-mail, recording who did it, when, why and on what legal basis.",
        discussion:
            "Needs the admin role. The personal-data file is removed (its folder fsynced) once a PersonalDataErased event is durable; the person's id, home institution, unit and every hash of the log stay, so `accord verify` still passes. An erasure cannot be undone or repeated. See docs/operations.md, \"Erasing personal data\"."
    )

    static let flags: FlagNames = ["personID": "the person id", "legalBasis": "--legal-basis"]

    @Argument(help: "Person id, e.g. p-0001.")
    var personID: String
    @Option(help: "Why the data is erased (for example \"request of the person, 2026-11-30\").")
    var reason: String
    @Option(
        name: .customLong("legal-basis"),
        help: "The rule the erasure follows (for example \"GDPR art. 17(1)(a)\")."
    )
    var legalBasis: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = ErasePersonalData(personID: personID, reason: reason, legalBasis: legalBasis)
        try await write.send("person.erase", body, id: personID, flags: Self.flags, global: global)
    }
}
