import AccordAPI
import AccordClient
import AccordDomain
import Foundation

/// `accord log --event POSITION`: one fact as recorded, then each correction and the retraction that amended it.
enum EventDetailPrinter {
    static func show(_ position: UInt64, client: AccordClient, json: Bool) async throws {
        let detail = try await client.get("/v1/events/\(position)", as: EventDetail.self)
        if json {
            try Console.printJSON(detail)
            return
        }
        let event = detail.event
        print("#\(event.position)  \(event.event.typeName)  \(event.stream)")
        print("recorded  \(event.recordedAt.formatted(.iso8601)) by \(event.author.name) (\(event.author.userID))")
        print("hash      \(event.hash)")
        print("previous  \(event.previousHash)")
        if let origin = event.importedFrom {
            print("imported  from position \(origin.position) of the exported ledger, hash \(origin.hash)")
        }
        print("facts     \(facts(of: event.event))")
        guard !detail.amendments.isEmpty else {
            print("never corrected or retracted")
            return
        }
        for amendment in detail.amendments {
            let when = "\(amendment.recordedAt.formatted(.iso8601)) by \(amendment.author.name)"
            switch amendment.event {
            case .eventCorrected(let correction):
                print("corrected at #\(amendment.position) (\(when)): \(correction.reason)")
                print("          now \(facts(of: correction.corrected))")
            case .eventRetracted(let retraction):
                print("retracted at #\(amendment.position) (\(when)): \(retraction.reason)")
            default:
                print("amended at #\(amendment.position) by a \(amendment.event.typeName)")
            }
        }
    }

    private static func facts(of event: Event) -> String {
        (try? event.encodedPayload()).map { String(decoding: $0, as: UTF8.self) } ?? "(cannot encode)"
    }
}
