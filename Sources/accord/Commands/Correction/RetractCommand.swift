import AccordDomain
import ArgumentParser

struct RetractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Record that an earlier event should be treated as if it never happened.",
        discussion:
            "The original stays in the log, as does the retraction; read models no longer show the retracted facts."
    )

    @Option(help: "Position of the event to retract (see `accord log`).")
    var position: UInt64
    @Option(help: "Why it is retracted.")
    var reason: String
    @OptionGroup var write: WriteOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await write.send("event.retract", RetractEvent(position: position, reason: reason), global: global)
    }
}
