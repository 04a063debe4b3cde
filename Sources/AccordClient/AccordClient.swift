import AccordAPI
import Foundation

/// The daemon's API as Swift calls: JSON in, JSON out, errors as `ClientError`. Connections are kept alive from one
/// call to the next (one per concurrent call).
public struct AccordClient: Sendable {
    public let transport: UnixSocketTransport
    /// Told each `503 starting` answer while the client waits for a starting daemon, then nil once it stops waiting.
    public var startObserver: (@Sendable (StartProgress?) -> Void)?

    /// With a `tunnel`, every request goes through it (to a daemon on another machine) and `socketPath` is unused.
    public init(socketPath: String, timeoutSeconds: Int64 = 120, tunnel: CommandTunnel? = nil) {
        transport = UnixSocketTransport(
            socketPath: socketPath,
            timeoutSeconds: timeoutSeconds,
            tunnel: tunnel,
            keepAlive: tunnel == nil
        )
    }

    /// Sends a command body to its route; `requestID` makes a retry safe, `expectedVersion` guards against races.
    public func send<Body: Encodable>(
        method: String = "POST",
        path: String,
        body: Body,
        requestID: String? = nil,
        expectedVersion: UInt64? = nil
    ) async throws(ClientError) -> [UInt8] {
        var headers: [(String, String)] = []
        if let requestID { headers.append((HeaderNames.idempotencyKey, requestID)) }
        if let expectedVersion { headers.append((HeaderNames.expectedVersion, String(expectedVersion))) }
        let bytes: [UInt8]
        do {
            bytes = Array(try JSONCoding.encoder.encode(body))
        } catch {
            throw ClientError(
                kind: .protocolViolation,
                code: "encoding_failed",
                message: "cannot encode the request: \(error)"
            )
        }
        return try await exchange(HTTPExchange(method: method, path: path, headers: headers, body: bytes))
    }

    /// Sends a body that is JSON already (a batch assembled from JSON Lines) with POST.
    public func send(path: String, json: [UInt8], requestID: String? = nil) async throws(ClientError) -> [UInt8] {
        let headers = requestID.map { [(HeaderNames.idempotencyKey, $0)] } ?? []
        return try await exchange(HTTPExchange(method: "POST", path: path, headers: headers, body: json))
    }

    /// Reads a resource and decodes it as `Value`.
    public func get<Value: Decodable>(_ path: String, query: [(String, String?)] = [], as type: Value.Type)
        async throws(ClientError) -> Value
    {
        let bytes = try await get(path, query: query)
        return try decode(type, from: bytes)
    }

    /// Reads a resource and returns its raw JSON bytes.
    public func get(_ path: String, query: [(String, String?)] = []) async throws(ClientError) -> [UInt8] {
        try await exchange(HTTPExchange(method: "GET", path: path + AccordClient.queryString(query)))
    }

    /// Reads a read model and decodes it as `Value`, with the position its answer reflects (`Accord-Position`) and
    /// when that event was recorded.
    public func read<Value: Decodable>(_ path: String, query: [(String, String?)] = [], as type: Value.Type)
        async throws(ClientError) -> (value: Value, position: UInt64?, recordedAt: String?)
    {
        let exchange = HTTPExchange(method: "GET", path: path + AccordClient.queryString(query))
        let answer = try await transport.send(exchange)
        guard answer.status < 400 else { throw AccordClient.refusal(answer, to: exchange) }
        return (
            try decode(type, from: answer.body), answer.header(HeaderNames.position).flatMap { UInt64($0) },
            answer.header(HeaderNames.positionRecorded)
        )
    }

    /// Sends a POST whose body is plain text (a signed note), or empty; returns the raw answer.
    public func post(_ path: String, text: String = "") async throws(ClientError) -> [UInt8] {
        try await exchange(HTTPExchange(method: "POST", path: path, body: Array(text.utf8)))
    }

    public func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws(ClientError) -> Value {
        do {
            return try JSONCoding.decoder.decode(type, from: Data(bytes))
        } catch {
            throw ClientError(
                kind: .protocolViolation,
                code: "unexpected_answer",
                message:
                    "the daemon's answer is not what this accord expects (is the daemon a different version?): \(error)"
            )
        }
    }

    /// A daemon still replaying its log (`503 starting`) has not read the request, so it is sent again, at growing
    /// intervals, until the daemon is ready or the timeout has passed; then its last progress is the error.
    private func exchange(_ exchange: HTTPExchange) async throws(ClientError) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(transport.timeoutSeconds)
        var pause = AccordClient.firstStartPause
        var waited = false
        defer { if waited { startObserver?(nil) } }
        while true {
            let answer = try await transport.send(exchange)
            guard answer.status >= 400 else { return answer.body }
            let refusal = AccordClient.refusal(answer, to: exchange)
            guard refusal.code == StartProgress.code, let progress = refusal.progress, ContinuousClock.now + pause < deadline
            else { throw refusal }
            startObserver?(progress)
            waited = true
            do {
                try await Task.sleep(for: pause)
            } catch {
                throw refusal
            }
            pause = min(pause * 2, AccordClient.longestStartPause)
        }
    }

    static let firstStartPause = Duration.milliseconds(50)
    static let longestStartPause = Duration.seconds(1)

    /// The error an answer of status 400 or above carries.
    static func refusal(_ answer: HTTPAnswer, to exchange: HTTPExchange) -> ClientError {
        guard let envelope = try? JSONCoding.decoder.decode(ErrorEnvelope.self, from: Data(answer.body)) else {
            return ClientError(
                kind: .refused(status: answer.status),
                code: "http_\(answer.status)",
                message: "the daemon answered \(answer.status) to \(exchange.method) \(exchange.path)"
            )
        }
        let error = envelope.error
        return ClientError(
            kind: .refused(status: answer.status),
            code: error.code,
            message: error.message,
            field: error.field,
            id: error.id,
            progress: error.progress
        )
    }

    static func queryString(_ query: [(String, String?)]) -> String {
        let pairs = query.compactMap { name, value -> String? in
            guard let value else { return nil }
            return "\(name)=\(PathSegment.encode(value))"
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}
