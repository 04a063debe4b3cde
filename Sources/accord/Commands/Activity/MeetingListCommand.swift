import AccordDomain
import ArgumentParser

struct MeetingListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings, in date order.")

    @Option(help: "Only the meetings under this agreement.")
    var agreement: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let meetings = try await asOf.read(
            "/v1/meetings",
            query: [("agreement", agreement)],
            as: [MeetingView].self,
            global: global
        )
        if global.json { return try Console.printJSON(meetings) }
        let table = Rows.marked(
            ["ID", "AGREEMENT", "HELD ON", "PLACE", "UNITS", "TOPICS", "DOMAIN"],
            meetings.map {
                [
                    $0.meetingID, $0.agreement, $0.heldOn.description, $0.place, $0.units.joined(separator: ", "),
                    $0.topics.joined(separator: ", "), $0.domain ?? "-",
                ]
            },
            meetings.map(\.corrections)
        )
        Console.printTable(
            table.titles,
            table.rows,
            empty: "no meetings recorded",
            width: global.tableWidth
        )
    }
}
