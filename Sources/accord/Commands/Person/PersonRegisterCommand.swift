import AccordDomain
import ArgumentParser

struct PersonRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a person with their home institution and unit.",
        discussion:
            "The name and e-mail are stored apart from the hash-chained log, so they can be erased without rewriting history; the log keeps a salted hash of them."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["personID": "--id", "homeInstitution": "--home-institution"]

    @Option(name: .customLong("id"), help: "Person id, e.g. p-0001 (an id, not a name).")
    var personID: String
    @Option(name: .customLong("home-institution"), help: "Home institution id, e.g. cnrs.")
    var homeInstitution: String
    @Option(help: "Unit or laboratory, e.g. \"CNRS Sciences humaines & sociales\".")
    var unit: String
    @Option(help: "Full name (personal data, kept apart from the log).")
    var name: String
    @Option(help: "E-mail address (personal data, kept apart from the log).")
    var email: String?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    /// The registration plus the personal data the daemon stores apart.
    struct Body: Encodable {
        var personID: String
        var homeInstitution: String
        var unit: String
        var name: String
        var email: String?
    }

    func run() async throws {
        let body = Body(personID: personID, homeInstitution: homeInstitution, unit: unit, name: name, email: email)
        try await write.send("person.register", body, flags: Self.flags, global: global)
    }
}
