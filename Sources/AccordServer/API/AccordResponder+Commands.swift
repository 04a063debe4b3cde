import AccordAPI
import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import Logging
import NIOCore
import NIOHTTP1

extension AccordResponder {
    /// POST: decode the command for the route, hand it to the engine with its author (the peer's uid), answer the receipt.
    func command(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == BatchRoute.path { return try await batch(request) }
        guard let (route, pathID) = CommandRoute.match(path: request.path) else {
            throw APIFailure(
                status: .notFound,
                code: "unknown_route",
                message: "POST \(request.path) is not a command route; see docs/api.md for the list"
            )
        }
        // The body's one parse: the strict checks read it into the value the command is decoded from.
        var body: JSONValue
        if request.body.readableBytes == 0, route.pathIDField != nil {
            body = .object([:])
        } else {
            body = try StrictJSON.parse(Array(request.body.readableBytesView), commandName: route.commandName)
        }
        if let field = route.pathIDField, let pathID {
            body = try AccordResponder.placing(pathID, in: field, of: body)
        }
        let (command, personalData) = try AccordResponder.decodeCommand(route.commandName, body: body)
        let author = Author(userID: request.peer.userID, name: request.peer.userName)
        let commandRequest = CommandRequest(
            command: command,
            expectedVersion: try AccordResponder.expectedVersion(request.headers),
            personalData: personalData,
            author: author
        )
        return try await record(
            [commandRequest],
            commandName: route.commandName,
            requestID: request.headers.first(name: HeaderNames.idempotencyKey),
            author: author
        )
    }

    /// The command's facts and, for a registration, the personal data beside them; unknown fields are refused.
    static func decodeCommand(_ commandName: String, body: JSONValue) throws -> (Command, PersonalData?) {
        let decoder = JSONValueDecoder(body)
        let command: Command
        do {
            command = try Command.decode(commandName: commandName, from: decoder)
        } catch {
            throw APIFailure(decoding: error, commandName: commandName)
        }
        try AccordResponder.refuseUnknownFields(in: body, askedFields: decoder.askedFields, commandName: commandName)
        let personalData = try commandName == "person.register" ? AccordResponder.personalData(in: body) : nil
        return (command, personalData)
    }

    /// Hands the commands to the engine (one command, or a batch), logs what was recorded, answers the receipt.
    func record(_ requests: [CommandRequest], commandName: String, requestID: String?, author: Author) async throws
        -> HTTPResponse
    {
        let outcome: CommandOutcome
        do throws(EngineError) {
            outcome = try await engine.execute(batch: requests, requestID: requestID, author: author)
        } catch {
            logger.notice(
                "command refused",
                metadata: [
                    "command": "\(commandName)", "code": "\(error.code)", "author": "\(author.name)",
                    "uid": "\(author.userID)",
                ]
            )
            throw APIFailure(error)
        }
        for event in outcome.events where !outcome.replayed {
            logger.info(
                "recorded \(event.recorded.event.typeName)",
                metadata: [
                    "accord.position": "\(event.recorded.position)",
                    "accord.event_type": "\(event.recorded.event.typeName)",
                    "accord.stream": "\(event.streamID)",
                    "accord.hash": "\(event.hash)",
                    "accord.author": "\(author.name)",
                    "accord.author_uid": "\(author.userID)",
                ]
            )
        }
        if !outcome.replayed, outcome.erasureUnfinished == nil,
            let json = ReceiptJSON.encode(command: commandName, events: outcome.events, head: outcome.head)
        {
            return HTTPResponse.json(.created, json)
        }
        // 202: the erasure is recorded (the receipt), what is left (removing the file) the daemon does later.
        let warning = outcome.erasureUnfinished.map { reason in
            APIError(
                code: CommandOutcome.erasureUnfinishedCode,
                message: "the erasure is recorded, but the personal data is still on disk: \(reason)"
            )
        }
        if let warning {
            logger.warning("recorded, not finished", metadata: ["code": "\(warning.code)", "reason": "\(warning.message)"])
        }
        let receipt = CommandReceipt(
            command: commandName,
            events: outcome.events.map(AccordResponder.loggedEvent),
            head: ChainHeadView(position: outcome.head.position, hash: outcome.head.hash),
            replayed: outcome.replayed,
            warning: warning
        )
        return try AccordResponder.json(
            receipt,
            status: warning != nil ? .accepted : outcome.replayed ? .ok : .created
        )
    }

    /// `withFrame` adds the record's exact bytes, for an export that an import verifies.
    static func loggedEvent(_ stored: StoredEvent) -> LoggedEvent { loggedEvent(stored, withFrame: false) }

    static func loggedEvent(_ stored: StoredEvent, withFrame: Bool) -> LoggedEvent {
        let provenance = RecordProvenance(extensions: stored.record.extensions)
        return LoggedEvent(
            position: stored.recorded.position,
            recordedAt: stored.recorded.recordedAt,
            author: stored.recorded.author,
            stream: stored.streamID,
            requestID: stored.requestID,
            previousHash: stored.previousHash,
            hash: stored.hash,
            event: stored.recorded.event,
            frame: withFrame ? Data(stored.record.frame).base64EncodedString() : nil,
            importedFrom: provenance.map { provenance in
                ImportedFrom(
                    position: provenance.position,
                    recordedAt: Date(timeIntervalSince1970: Double(provenance.recordedAtMicroseconds) / 1_000_000),
                    author: Author(userID: provenance.authorUserID, name: provenance.authorName),
                    hash: Hex.encode(provenance.hash)
                )
            }
        )
    }

    /// The id in the path fills the body's id field; a body naming another id is a contradiction, not a choice.
    static func placing(_ id: String, in field: String, of body: JSONValue) throws -> JSONValue {
        guard case .object(var fields) = body else {
            throw APIFailure(status: .badRequest, code: "invalid_json", message: "the body must be a JSON object")
        }
        if let given = fields[field], given != .string(id) {
            let named = if case .string(let text) = given { text } else { given.kind }
            throw APIFailure(
                status: .badRequest,
                code: "path_body_mismatch",
                message: "the path names \(field) \"\(id)\" but the body names \"\(named)\"; send one id",
                field: field,
                id: id
            )
        }
        fields[field] = .string(id)
        return .object(fields)
    }

    /// The fields a body may carry beside the command's own: the personal data of a registration.
    static let personalDataFields: Set<String> = ["name", "email"]

    static func refuseUnknownFields(
        in body: JSONValue,
        askedFields: JSONValueDecoder.AskedFields,
        commandName: String
    ) throws {
        let allowed = commandName == "person.register" ? personalDataFields : []
        let unknown = UnknownFields.paths(in: body, askedFields: askedFields, allowed: allowed)
        guard let first = unknown.first else { return }
        throw APIFailure(
            status: .badRequest,
            code: "unknown_field",
            message:
                "\(commandName): \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) \(unknown.count == 1 ? "is not a field" : "are not fields") of this command; check the spelling (see docs/api.md)",
            field: first
        )
    }

    /// The name and e-mail address of a registration, read from its body like `JSONDecoder` would.
    static func personalData(in body: JSONValue) throws -> PersonalData {
        guard case .object(let fields) = body else {
            let mismatch = JSONValueDecoder(body).mismatch([String: Any].self)
            throw APIFailure(decoding: mismatch, commandName: "person.register")
        }
        func text(_ key: String) throws -> String? {
            let decoder = JSONValueDecoder(fields[key] ?? .null, codingPath: [PersonalDataKey(key)])
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw APIFailure(decoding: decoder.mismatch(String.self), commandName: "person.register")
            }
        }
        guard let name = try text("name") else {
            throw APIFailure(
                status: .badRequest,
                code: "missing_field",
                message:
                    "person.register: field \"name\" is required (it is kept apart from the log so it can be erased)",
                field: "name"
            )
        }
        return PersonalData(name: name, email: try text("email"))
    }

    private struct PersonalDataKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ key: String) {
            stringValue = key
        }

        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    static func expectedVersion(_ headers: HTTPHeaders) throws -> UInt64? {
        guard let text = headers.first(name: HeaderNames.expectedVersion) else { return nil }
        guard let version = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw APIFailure(
                status: .badRequest,
                code: "invalid_expected_version",
                message:
                    "\(HeaderNames.expectedVersion) must be a whole number (the stream's event count), not \"\(text.prefix(40))\"",
                field: HeaderNames.expectedVersion
            )
        }
        return version
    }
}
