import AccordAPI
import AccordDomain
import ArgumentParser

struct AccessShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one access grant.")

    @Argument(help: "Grant id.", completion: IDCompletion.accessGrants.kind)
    var grantID: String
    @Option(help: "Business date for the status, YYYY-MM-DD (default: today).", transform: BusinessDate.argument)
    var on: BusinessDate?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let view = try await asOf.read(
            "/v1/access-grants/\(PathSegment.encode(grantID))",
            query: [("on", (on ?? Today.date).description)],
            as: AccessGrantView.self,
            global: global
        )
        if global.json { return try Console.printJSON(view) }
        Rows.printFields([
            ("grant", view.grantID), ("agreement", view.agreement),
            ("grantee", Rows.grantee(view)),
            ("site", "\(view.site) (\(view.siteInstitution))"), ("facility", view.facility), ("purpose", view.purpose),
            ("domain", view.domain), ("valid", "\(view.validFrom) to \(view.validUntil)"),
            ("revoked on", view.revokedOn.map { "\($0) (\(view.revocationReason ?? ""))" }),
            ("status", Rows.status(view.status, on: view.statusOn)),
            ("days left", view.daysLeft.map(String.init)), ("recorded at position", String(view.position)),
        ])
    }
}
