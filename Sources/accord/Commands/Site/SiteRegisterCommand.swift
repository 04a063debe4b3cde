import AccordDomain
import ArgumentParser

struct SiteRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a site of an institution and the facilities it offers."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["siteID": "--id", "facilities": "--facility"]

    @Option(name: .customLong("id"), help: "Site id, e.g. ispra.")
    var siteID: String
    @Option(help: "The institution the site belongs to, e.g. jrc.")
    var institution: String
    @Option(help: "Site name, e.g. \"JRC Ispra\".")
    var name: String
    @Option(help: "Country code, e.g. IT.")
    var country: String
    @Option(name: .customLong("facility"), help: "A facility offered there; repeat for several.")
    var facilities: [String] = []
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = RegisterSite(
            siteID: siteID,
            institution: institution,
            name: name,
            country: country,
            facilities: facilities
        )
        try await write.send("site.register", body, flags: Self.flags, global: global)
    }
}
