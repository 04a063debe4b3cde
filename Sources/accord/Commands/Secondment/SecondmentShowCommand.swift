import AccordAPI
import AccordDomain
import ArgumentParser

struct SecondmentShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one secondment with its extensions and end."
    )

    @Argument(help: "Secondment id.", completion: IDCompletion.secondments.kind)
    var secondmentID: String
    @Option(help: "Business date for the status, YYYY-MM-DD (default: today).", transform: BusinessDate.argument)
    var on: BusinessDate?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let view = try await asOf.read(
            "/v1/secondments/\(PathSegment.encode(secondmentID))",
            query: [("on", (on ?? Today.date).description)],
            as: SecondmentView.self,
            global: global
        )
        if global.json { return try Console.printJSON(view) }
        Rows.printFields([
            ("secondment", view.secondmentID), ("person", view.person), ("agreement", view.agreement),
            ("from → to", "\(view.homeInstitution) → \(view.hostInstitution) at \(view.hostSite)"),
            ("mode", view.mode.words),
            ("domain", view.domain), ("started on", view.startedOn.description),
            ("planned end", view.plannedEnd.description),
            ("extensions", view.extensions.isEmpty ? nil : view.extensions.map(\.description).joined(separator: ", ")),
            ("ended on", view.endedOn.map { "\($0) (\(view.outcome ?? ""))" }),
            ("status", Rows.status(view.status, on: view.statusOn)),
            ("recorded at position", String(view.position)),
            ("corrections", CorrectionMark.text(view.corrections)),
        ])
    }
}
