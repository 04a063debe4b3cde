import AccordAPI
import AccordDomain
import AccordEngine
import AccordTransparency
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The `/v1` API: commands go to the engine, queries to its read models, the audit trail to the log.
public struct AccordResponder: HTTPResponder {
    let engine: LedgerEngine
    let startedAt: Date
    let connectionCount: @Sendable () -> Int
    let policy: PolicyStore
    let logger: Logger
    let followers = FollowerSlots()
    let personalDataWatch = PersonalDataWatch()
    let maximumFollowers: @Sendable () -> Int
    let transparency: Transparency?
    /// Health problems only the daemon around the responder knows of (an unfinished import), checked with each status.
    let daemonProblems: @Sendable () -> [String]

    public init(
        engine: LedgerEngine,
        startedAt: Date,
        connectionCount: @escaping @Sendable () -> Int,
        policy: PolicyStore,
        logger: Logger,
        transparency: Transparency? = nil,
        maximumFollowers: @escaping @Sendable () -> Int = { ServerLimits().maximumFollowers },
        daemonProblems: @escaping @Sendable () -> [String] = { [] }
    ) {
        self.engine = engine
        self.startedAt = startedAt
        self.connectionCount = connectionCount
        self.policy = policy
        self.logger = logger
        self.transparency = transparency
        self.maximumFollowers = maximumFollowers
        self.daemonProblems = daemonProblems
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        do {
            let roles = try authorize(request)
            if request.method == .GET, request.path == "/v1/whoami" {
                return try whoami(request, roles: roles)
            }
            let method = request.method == .HEAD ? "GET" : "\(request.method)"
            if let (route, position) = TransparencyRoute.match(method: method, path: request.path) {
                guard let transparency else {
                    throw APIFailure(
                        status: .notImplemented,
                        code: TransparencyErrorCode.proofsUnavailable,
                        message: "this accordd runs without checkpoints (its store keeps no Merkle tree), so it "
                            + "signs, proves and verifies nothing"
                    )
                }
                return try await transparencyAnswer(
                    route,
                    position: position,
                    request: request,
                    transparency: transparency
                )
            }
            switch request.method {
            case .POST:
                return try await command(request)
            case .GET, .HEAD:
                return try await query(request)
            default:
                throw APIFailure(
                    status: .methodNotAllowed,
                    code: "method_not_allowed",
                    message:
                        "\(request.method) is not used by this API; commands are POST, queries GET (see docs/api.md)"
                )
            }
        } catch let failure as APIFailure {
            return failure.response
        } catch {
            logger.error(
                "unexpected failure answering a request",
                metadata: ["path": "\(request.path)", "error": "\(error)"]
            )
            return APIFailure(
                status: .internalServerError,
                code: "internal_error",
                message:
                    "the daemon failed to answer (\(error)); a command may still have been recorded: retry it with the same request id, which records it at most once, and report this with the daemon's log (journalctl -u accordd)"
            ).response
        }
    }

    public func refusal(status: Int, code: String, message: String) -> HTTPResponse {
        APIFailure(status: HTTPResponseStatus(statusCode: status), code: code, message: message).response
    }

    static func json<Value: Encodable>(_ value: Value, status: HTTPResponseStatus = .ok) throws -> HTTPResponse {
        HTTPResponse.json(status, Array(try JSONCoding.encoder.encode(value)))
    }
}
