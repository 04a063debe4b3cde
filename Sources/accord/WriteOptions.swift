import AccordAPI
import AccordClient
import ArgumentParser
import Foundation

/// Options of every command that records something.
struct WriteOptions: ParsableArguments {
    @Option(
        name: .customLong("request-id"),
        help: ArgumentHelp(
            "An id of your choosing that makes a retry safe: sent again with the same values it returns the first result and records nothing new. Without it, accord gives the command a new UUID, so that a command lost with a closed connection is sent once more safely.",
            valueName: "id"
        )
    )
    var requestID: String?

    @Option(
        name: .customLong("expected-version"),
        help: ArgumentHelp(
            "Refuse (conflict, exit 1) unless the stream this command touches has exactly this many events (see `accord log --stream`).",
            valueName: "count"
        )
    )
    var expectedVersion: UInt64?

    func validate() throws {
        try WriteOptions.validate(requestID: requestID)
    }

    /// The daemon's rule for request ids, checked before sending (a usage error, exit 2).
    static func validate(requestID: String?) throws {
        if let requestID {
            let visible = requestID.utf8.allSatisfy { (0x21...0x7E).contains($0) }
            guard !requestID.isEmpty, requestID.utf8.count <= 128, visible else {
                throw ValidationError("--request-id must be 1 to 128 visible ASCII characters without spaces")
            }
        }
    }

    /// The request id of a command sent without --request-id: new for each command, so that the client may send it
    /// again when its connection closes under it (a repeat is answered as a replay, never recorded twice).
    static func generatedRequestID() -> String {
        UUID().uuidString.lowercased()
    }

    /// Sends the command's body to its route and prints the receipt; a refusal names the flags the user typed.
    func send<Body: Encodable>(
        _ commandName: String,
        _ body: Body,
        id: String? = nil,
        flags: FlagNames = [:],
        global: GlobalOptions
    ) async throws {
        guard let route = CommandRoute.named(commandName) else {
            preconditionFailure("no route for \(commandName)")
        }
        let client = global.client
        let bytes: [UInt8]
        do {
            bytes = try await client.send(
                path: route.path(id: id),
                body: body,
                requestID: requestID ?? WriteOptions.generatedRequestID(),
                expectedVersion: expectedVersion
            )
        } catch {
            throw flags.rewrite(error)
        }
        let receipt = try client.decode(CommandReceipt.self, from: bytes)
        if global.json {
            try Console.printJSON(receipt)
        } else {
            for event in receipt.events {
                // A replay of a generated id is this command's own, sent again after its connection closed.
                let verb = receipt.replayed && requestID != nil ? "already recorded" : "recorded"
                print(
                    "\(verb) \(Console.emphasis(event.event.typeName)) at position \(event.position) (stream \(event.stream), hash \(event.hash.prefix(16))…)"
                )
            }
        }
        try receipt.endWithWarning(json: global.json)
    }
}
