import AccordDomain
import ArgumentParser

struct InstitutionRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register an institution (a party to agreements)."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["institutionID": "--id"]

    @Option(name: .customLong("id"), help: "Institution id, e.g. cnrs or jrc (lowercase letters, digits, . _ -).")
    var institutionID: String
    @Option(help: "Full name, e.g. \"Centre national de la recherche scientifique\".")
    var name: String
    @Option(help: "Country code, e.g. FR, or EU for a European body.")
    var country: String
    @Option(help: "Kind: \(InstitutionKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: InstitutionKind
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = RegisterInstitution(institutionID: institutionID, name: name, country: country, kind: kind)
        try await write.send("institution.register", body, flags: Self.flags, global: global)
    }
}
