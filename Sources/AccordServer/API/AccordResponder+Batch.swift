import AccordAPI
import AccordDomain
import AccordEngine
import Foundation

extension AccordResponder {
    /// POST /v1/batch: `{"commands": [{"command": NAME, "body": {...}, "expectedVersion": N}, ...]}`, decided and
    /// appended all or none, one receipt. An error in one entry names it (`commands[2].body.name`).
    func batch(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The strict checks of a single command's body (duplicate keys, numbers, escapes, depth), over the whole batch,
        // in the batch's one parse.
        let body = try StrictJSON.parse(Array(request.body.readableBytesView), commandName: BatchRoute.commandName)
        guard case .object(let object) = body else {
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
        guard case .array(let entries)? = object["commands"] else {
            throw APIFailure(
                status: .badRequest,
                code: "missing_field",
                message: "a batch needs \"commands\": an array of {\"command\": ..., \"body\": {...}}",
                field: "commands"
            )
        }
        do throws(EngineError) {
            try LedgerEngine.checkBatchCount(entries.count)
        } catch {
            throw APIFailure(error)
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

    private static func batchEntry(_ entry: JSONValue) throws -> (Command, UInt64?, PersonalData?) {
        guard case .object(let fields) = entry else {
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
        guard case .string(let name)? = fields["command"], CommandRoute.named(name) != nil else {
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
        let body = fields["body"] ?? .object([:])
        guard case .object = body else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_json",
                message: "\"body\" must be a JSON object, the body the command's own route takes",
                field: "body"
            )
        }
        var expectedVersion: UInt64?
        switch fields["expectedVersion"] {
        case nil, .null?: break
        // StrictJSON let only whole numbers from 0 to 2^64 − 1 through.
        case .number(let text)?: expectedVersion = UInt64(text)
        default:
            throw APIFailure(
                status: .badRequest,
                code: "invalid_expected_version",
                message: "\"expectedVersion\" must be a whole number (the stream's event count)",
                field: "expectedVersion"
            )
        }
        let (command, personalData) = try decodeCommand(name, body: body)
        return (command, expectedVersion, personalData)
    }
}
