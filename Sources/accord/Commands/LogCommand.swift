import AccordAPI
import AccordDomain
import ArgumentParser
import Foundation

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the events of the log in order, with who recorded them and when.",
        discussion:
            "Pages through the log from --from; filters combine. With --json, prints one JSON object per event (JSON Lines)."
    )

    @Option(help: "First position to read.")
    var from: UInt64 = 1
    @Option(help: "Most events to print (1 to 100000); pages of 1000 are fetched as needed.")
    var limit: Int = 100
    @Option(help: "Only events of this type, e.g. AgreementSigned.")
    var type: String?
    @Option(help: "Only events of this stream, e.g. agreement/cnrs-jrc-mou-2026.")
    var stream: String?
    @Option(help: "Only events recorded by this user name or uid.")
    var author: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 100000") }
        guard from >= 1 else { throw ValidationError("--from starts at 1, the first position") }
        if let type, !Event.typeNames.contains(type) {
            throw ValidationError(
                "--type \(type) is not an event type; the types are \(Event.typeNames.joined(separator: ", "))"
            )
        }
    }

    func run() async throws {
        let client = global.client
        var next: UInt64? = from
        var printed = 0
        var rows: [[String]] = []
        let formatter = ISO8601DateFormatter()
        while let position = next, printed < limit {
            let page = try await client.get(
                "/v1/events",
                query: [
                    ("from", String(position)), ("limit", String(min(1_000, limit - printed))),
                    ("type", type), ("stream", stream), ("author", author),
                ],
                as: EventPage.self
            )
            for event in page.events {
                if global.json {
                    let line = try JSONCoding.encoder.encode(event)
                    print(String(decoding: line, as: UTF8.self))
                } else {
                    rows.append([
                        String(event.position), formatter.string(from: event.recordedAt),
                        "\(event.author.name) (\(event.author.userID))",
                        event.event.typeName, event.stream, String(event.hash.prefix(12)),
                    ])
                }
            }
            printed += page.events.count
            next = page.nextPosition
        }
        if !global.json {
            Console.printTable(
                ["POSITION", "RECORDED", "AUTHOR", "TYPE", "STREAM", "HASH"],
                rows,
                empty: "no events match"
            )
        }
        if let next {
            Console.standardError("more events from position \(next): accord log --from \(next) (or a larger --limit)")
        }
    }
}
