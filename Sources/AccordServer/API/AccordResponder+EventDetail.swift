import AccordAPI
import AccordEngine

extension AccordResponder {
    /// `GET /v1/events/POSITION`: the event and its corrections and retraction, found through the state's index
    /// of amendments and read back from the log one by one.
    func eventDetail(_ text: String) async throws -> EventDetail {
        let head = engine.head
        guard let position = UInt64(text), position >= 1, position <= head.position else {
            throw APIFailure(
                status: .notFound,
                code: "unknown_position",
                message:
                    "the log has no position \(text.prefix(40)); positions run from 1 to \(head.position) (accord log --tail 10)",
                id: String(text.prefix(40))
            )
        }
        let amendments = engine.read { $0.amendments(of: position) }
        var events: [LoggedEvent] = []
        for wanted in [position] + amendments {
            do {
                let page = try await engine.events(from: wanted, through: head, limit: 1, filter: EventFilter())
                events += page.events.map(AccordResponder.loggedEvent)
            } catch {
                throw APIFailure(error)
            }
        }
        return EventDetail(
            event: events[0],
            amendments: Array(events.dropFirst()),
            head: ChainHeadView(position: head.position, hash: head.hash)
        )
    }
}
