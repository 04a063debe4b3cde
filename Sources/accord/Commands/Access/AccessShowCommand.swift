import AccordAPI
import AccordDomain
import ArgumentParser

struct AccessShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one access grant.")

    @Argument(help: "Grant id.")
    var grantID: String
    @Option(help: "Business date for the status, YYYY-MM-DD.", transform: BusinessDate.argument)
    var on: BusinessDate?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let view = try await global.client.get(
            "/v1/access-grants/\(PathSegment.encode(grantID))",
            query: [("on", on?.description)],
            as: AccessGrantView.self
        )
        if global.json { return try Console.printJSON(view) }
        Rows.printFields([
            ("grant", view.grantID), ("agreement", view.agreement),
            ("grantee", "\(view.grantee) (\(view.granteeKind.rawValue), \(view.granteeInstitution))"),
            ("site", "\(view.site) (\(view.siteInstitution))"), ("facility", view.facility), ("purpose", view.purpose),
            ("domain", view.domain), ("valid", "\(view.validFrom) to \(view.validUntil)"),
            ("revoked on", view.revokedOn.map { "\($0) (\(view.revocationReason ?? ""))" }),
            ("status", view.status.rawValue + (view.statusOn.map { " on \($0)" } ?? "")),
            ("days left", view.daysLeft.map(String.init)), ("recorded at position", String(view.position)),
        ])
    }
}
