import AccordAPI
import AccordClient
import AccordDomain
import ArgumentParser
import Foundation

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the events of the log in order, with who recorded them and when.",
        discussion: """
            Pages through the log from --from, printing each page as it arrives; filters combine. With --follow, \
            keeps printing new events as they become durable (from --from, or from the next event recorded), and \
            when the daemon restarts, connects again and resumes after the last event printed: none is skipped or \
            printed twice. With --json, prints one JSON object per event (JSON Lines).
            """
    )

    @Option(help: "First position to read (default: 1; with --follow, the next event recorded).")
    var from: UInt64?
    @Option(help: "Most events to print (1 to 100000); pages of 1000 are fetched as needed. Not with --follow.")
    var limit: Int = 100
    @Flag(help: "Keep printing new events as they become durable, until interrupted (Ctrl-C).")
    var follow = false
    @Option(help: "Only the last N events (that match the filters), oldest first; with --follow, then new ones.")
    var tail: Int?
    @Flag(help: "Newest first, from --from (default: the head) down to position 1.")
    var reverse = false
    @Option(help: "Show one event, by position, with the chain of its corrections and retraction.")
    var event: UInt64?
    @Option(help: "Only events recorded at or after this time (ISO 8601 with a zone, e.g. 2026-03-01T09:00:00Z).")
    var since: String?
    @Option(help: "Only events recorded at or before this time (ISO 8601 with a zone).")
    var until: String?
    @Option(help: "Only events that name this person (registration, secondments, grants, expertise).")
    var person: String?
    @Option(help: "Only events that name this agreement.")
    var agreement: String?
    @Option(help: "Only events that name this site.")
    var site: String?
    @Option(help: "Only events that name this institution.")
    var institution: String?
    @Option(help: "Only events of this type, e.g. AgreementSigned (any letter case).")
    var type: String?
    @Option(help: "Only events of this stream, e.g. agreement/cnrs-jrc-mou-2026.")
    var stream: String?
    @Option(help: "Only events recorded by this user name or uid.")
    var author: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 100000") }
        guard from != 0 else { throw ValidationError("--from starts at 1, the first position") }
        if let tail, !(1...100_000).contains(tail) { throw ValidationError("--tail must be between 1 and 100000") }
        guard !(tail != nil && (reverse || from != nil)) else {
            throw ValidationError("--tail reads the end of the log; it does not combine with --reverse or --from")
        }
        guard !(follow && reverse) else { throw ValidationError("--follow reads forward; drop --reverse") }
        guard event == nil || (!follow && !reverse && tail == nil && from == nil) else {
            throw ValidationError(
                "--event shows one event; it does not combine with --follow, --tail, --reverse or --from"
            )
        }
        if let type, LogCommand.eventType(type) == nil {
            throw ValidationError(
                "--type \(type) is not an event type; the types are \(Event.typeNames.joined(separator: ", "))"
            )
        }
    }

    /// The event type as the log spells it, whatever the letter case given.
    static func eventType(_ text: String) -> String? {
        Event.typeNames.first { $0.caseInsensitiveCompare(text) == .orderedSame }
    }

    private var filter: [(String, String?)] {
        [
            ("type", type.flatMap(LogCommand.eventType)), ("stream", stream), ("author", author), ("person", person),
            ("agreement", agreement), ("site", site), ("institution", institution), ("since", since),
            ("until", until),
        ]
    }

    private var filtered: Bool { filter.contains { $0.1 != nil } }

    /// The daemon checks the times; its refusal names the flags typed here.
    static let flags: FlagNames = ["since": "--since", "until": "--until"]

    func run() async throws {
        do {
            try await show()
        } catch let error as ClientError {
            throw LogCommand.flags.rewrite(error)
        }
    }

    private func show() async throws {
        let printer = EventLinePrinter(json: global.json)
        if let event {
            try await EventDetailPrinter.show(event, client: global.client, json: global.json)
            return
        }
        if let tail {
            let head = try await printTail(tail, printer)
            if follow { try await followLog(printer, from: head + 1) }
            return
        }
        if follow {
            try await followLog(printer, from: from)
        }
        var next: UInt64? = from ?? (reverse ? UInt64.max : 1)
        var printed = 0
        while let position = next, printed < limit {
            let page = try await global.client.get(
                "/v1/events",
                query: [
                    ("from", String(position)), ("limit", String(min(1_000, limit - printed))),
                    ("reverse", reverse ? "true" : nil),
                ] + filter,
                as: EventPage.self
            )
            for event in page.events { printer.print(event) }
            printed += page.events.count
            next = page.nextPosition
        }
        if printed == 0 { sayNothingMatched() }
        if let next {
            Console.standardError(
                "more events from position \(next): accord log --from \(next)\(reverse ? " --reverse" : "") (or a larger --limit)"
            )
        }
    }

    /// Prints the last `count` matching events, oldest first; returns the head they were read at.
    private func printTail(_ count: Int, _ printer: EventLinePrinter) async throws -> UInt64 {
        var next: UInt64? = UInt64.max
        var newestFirst: [LoggedEvent] = []
        var head: UInt64?
        while let position = next, newestFirst.count < count {
            let page = try await global.client.get(
                "/v1/events",
                query: [
                    ("from", String(position)), ("limit", String(min(1_000, count - newestFirst.count))),
                    ("reverse", "true"),
                ] + filter,
                as: EventPage.self
            )
            head = head ?? page.head.position
            newestFirst += page.events
            next = page.nextPosition
        }
        for event in newestFirst.reversed() { printer.print(event) }
        if newestFirst.isEmpty, !follow { sayNothingMatched() }
        return head ?? 0
    }

    private func sayNothingMatched() {
        guard !global.json else { return }
        let unfiltered = !filtered && from == nil
        print(unfiltered ? "the ledger is empty: no event was recorded yet" : "no events match")
    }

    private func followLog(_ printer: EventLinePrinter, from: UInt64?) async throws -> Never {
        let client = global.client
        let start: UInt64
        if let from {
            start = from
        } else {
            start = try await client.get("/v1/status", as: StatusReport.self).head.position + 1
        }
        try await client.follow(
            from: start,
            filter: filter,
            onReconnecting: { position, error in
                Console.standardError("\(error.message); reconnecting to resume from position \(position)")
            },
            onEvent: { event in printer.print(event) }
        )
    }
}
