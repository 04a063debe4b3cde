import AccordAPI
import AccordDomain
import AccordEngine
import Foundation

extension AccordResponder {
    /// POST /v1/batch: `{"commands": [{"command": NAME, "body": {...}, "expectedVersion": N}, ...]}`, decided and
    /// appended all or none, one receipt. An error in one entry names it (`commands[2].body.name`).
    func batch(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The strict checks of a single command's body (duplicate keys, numbers, escapes, depth), over the whole batch.
        try StrictJSON.check(Array(request.body.readableBytesView), commandName: BatchRoute.commandName)
        let body = Data(request.body.readableBytesView)
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_json",
                message: #"the body of a batch must be a JSON object: {"commands": [{"command": ..., "body": {...}}]}"#
            )
        }
        if let unknown = object.keys.sorted().first(where: { $0 != "commands" }) {
            throw APIFailure(
                status: .badRequest,
                code: "unknown_field",
                message: "\"\(unknown)\" is not a field of a batch; it holds only \"commands\"",
                field: unknown
            )
        }
        guard let entries = object["commands"] as? [Any] else {
            throw APIFailure(
                status: .badRequest,
                code: "missing_field",
                message: "a batch needs \"commands\": an array of {\"command\": ..., \"body\": {...}}",
                field: "commands"
            )
        }
        guard entries.count <= LedgerEngine.maximumBatchCommands else {
            throw APIFailure(
                status: .unprocessableEntity,
                code: "batch_too_large",
                message:
                    "the batch holds \(entries.count) commands; at most \(LedgerEngine.maximumBatchCommands) are recorded together. Split it into several batches",
                field: "commands"
            )
        }
        let author = Author(userID: request.peer.userID, name: request.peer.userName)
        var requests: [CommandRequest] = []
        for (index, entry) in entries.enumerated() {
            do {
                let (command, expectedVersion, personalData) = try AccordResponder.batchEntry(entry)
                requests.append(
                    CommandRequest(
                        command: command,
                        expectedVersion: expectedVersion,
                        personalData: personalData,
                        author: author
                    )
                )
            } catch var failure as APIFailure {
                failure.error.message = "commands[\(index)]: \(failure.error.message)"
                failure.error.field = "commands[\(index)]" + (failure.error.field.map { ".\($0)" } ?? "")
                throw failure
            }
        }
        return try await record(
            requests,
            commandName: BatchRoute.commandName,
            requestID: request.headers.first(name: HeaderNames.idempotencyKey),
            author: author
        )
    }

    static let batchEntryFields: Set<String> = ["command", "body", "expectedVersion"]

    private static func batchEntry(_ entry: Any) throws -> (Command, UInt64?, PersonalData?) {
        guard let fields = entry as? [String: Any] else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_json",
                message: #"each command of a batch is an object: {"command": ..., "body": {...}}"#
            )
        }
        if let unknown = fields.keys.sorted().first(where: { !batchEntryFields.contains($0) }) {
            throw APIFailure(
                status: .badRequest,
                code: "unknown_field",
                message: "\"\(unknown)\" is not a field of a batch entry (command, body, expectedVersion)",
                field: unknown
            )
        }
        guard let name = fields["command"] as? String, CommandRoute.named(name) != nil else {
            throw APIFailure(
                status: .badRequest,
                code: "unknown_command",
                message:
                    "\"command\" must name a command, such as institution.register (see docs/api.md for the list)",
                field: "command"
            )
        }
        // A batch is authorised once, for `recorder`; a command that needs another role goes to its own route.
        if let access = RouteRoles.commands[name], access != RouteRoles.batch {
            throw APIFailure(
                status: .badRequest,
                code: "command_not_batchable",
                message: "\(name) is not taken in a batch, since it needs its own role; send it to its own route",
                field: "command"
            )
        }
        let body = fields["body"] ?? [String: Any]()
        guard body is [String: Any] else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_json",
                message: "\"body\" must be a JSON object, the body the command's own route takes",
                field: "body"
            )
        }
        var expectedVersion: UInt64?
        do {
            // JSONDecoder is strict where JSONSerialization's numbers are not: no booleans, fractions or signs.
            if let version = fields["expectedVersion"] {
                expectedVersion = try JSONDecoder().decode(
                    BatchEntryVersion.self,
                    from: JSONSerialization.data(withJSONObject: ["expectedVersion": version])
                ).expectedVersion
            }
        } catch {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_expected_version",
                message: "\"expectedVersion\" must be a whole number (the stream's event count)",
                field: "expectedVersion"
            )
        }
        let (command, personalData) = try decodeCommand(
            name,
            body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        )
        return (command, expectedVersion, personalData)
    }
}

private struct BatchEntryVersion: Decodable {
    var expectedVersion: UInt64?
}
