import AccordDomain
import ArgumentParser

struct MeetingRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a meeting held under an agreement."
    )

    /// The flags the user typed for the fields of the command sent.
    static let flags: FlagNames = ["meetingID": "--id", "heldOn": "--held-on", "units": "--unit", "topics": "--topic"]

    @Option(name: .customLong("id"), help: "Meeting id, e.g. m-2026-brussels.")
    var meetingID: String
    @Option(help: "The agreement.")
    var agreement: String
    @Option(name: .customLong("held-on"), help: "Date, YYYY-MM-DD.", transform: BusinessDate.argument)
    var heldOn: BusinessDate
    @Option(help: "Place, e.g. Brussels.")
    var place: String
    @Option(name: .customLong("unit"), help: "A participating unit; repeat for each.")
    var units: [String] = []
    @Option(name: .customLong("topic"), help: "A topic discussed; repeat for each.")
    var topics: [String] = []
    @Option(help: "Scientific domain (optional).")
    var domain: String?
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let body = RecordMeeting(
            meetingID: meetingID,
            agreement: agreement,
            heldOn: heldOn,
            place: place,
            units: units,
            topics: topics,
            domain: domain
        )
        try await write.send("meeting.record", body, flags: Self.flags, global: global)
    }
}
