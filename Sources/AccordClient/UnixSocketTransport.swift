import AccordAPI
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Sends HTTP/1.1 requests over the daemon's Unix socket: on kept-alive connections reused from one request to the
/// next (`keepAlive`, what `AccordClient` uses), or on a new connection per request.
public struct UnixSocketTransport: Sendable {
    public let socketPath: String
    /// Largest answer accepted; a page of the event log stays well below it.
    public var maximumResponseBytes = 64 * 1024 * 1024

    /// How long one exchange may take, connecting included; a daemon that accepts but never answers is given up.
    public var timeoutSeconds: Int64

    /// When set, every connection goes through this program (ssh to another machine) instead of to `socketPath`.
    public var tunnel: CommandTunnel?

    /// Where requests go, for messages: the socket, or the tunnel's destination.
    public var place: String { tunnel?.place ?? socketPath }

    /// Idle connections kept for the next request; nil when every request has its own connection.
    private let pool: ConnectionPool?

    public init(socketPath: String, timeoutSeconds: Int64 = 120, tunnel: CommandTunnel? = nil, keepAlive: Bool = false)
    {
        self.socketPath = socketPath
        self.timeoutSeconds = timeoutSeconds
        self.tunnel = tunnel
        pool = keepAlive ? ConnectionPool() : nil
    }

    public func send(_ exchange: HTTPExchange) async throws(ClientError) -> HTTPAnswer {
        if let reused = pool?.take() {
            do throws(ClientError) {
                return try await send(exchange, on: reused)
            } catch  where UnixSocketTransport.lostConnection.contains(error.code) {
                // The daemon may have closed the idle connection as it was reused. A read is safe to send again, and
                // so is a command with a request id (a repeat is answered as a replay); another command may or may
                // not have been recorded, which only the user can find out.
                guard UnixSocketTransport.isSafeToRepeat(exchange) else { throw outcomeUnknown(exchange, error) }
            }
        }
        return try await send(exchange, on: KeptConnection(try await connect()))
    }

    /// Whether sending `exchange` twice records nothing twice: a read, or a command with a request id.
    static func isSafeToRepeat(_ exchange: HTTPExchange) -> Bool {
        ["GET", "HEAD"].contains(exchange.method)
            || exchange.headers.contains { $0.0.lowercased() == HeaderNames.idempotencyKey.lowercased() }
    }

    /// A command without a request id lost with its reused connection: the daemon may have recorded it or not. A
    /// piece of an import is found out by the import itself: run again, it resumes after the last line the ledger holds.
    private func outcomeUnknown(_ exchange: HTTPExchange, _ cause: ClientError) -> ClientError {
        let whatToDo =
            exchange.path == ImportRequest.path
            ? "the piece of the import it carried may or may not have been imported: run the same `accord import FILE` again, which resumes after the last line the ledger holds"
            : "the command may or may not have been recorded: look for it in `accord log` before sending it again, and give commands a --request-id so that a repeat is answered as a replay instead of recorded twice"
        return ClientError(
            kind: .unreachable,
            code: UnixSocketTransport.outcomeUnknown,
            message:
                "the daemon on \(place) closed the connection as \(exchange.method) \(exchange.path) was sent, so \(whatToDo) (\(cause.code))"
        )
    }

    private func send(_ exchange: HTTPExchange, on connection: KeptConnection) async throws(ClientError) -> HTTPAnswer {
        let timedOut = TimeoutFlag()
        let channel = connection.channel
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(timeoutSeconds)) {
            timedOut.set()
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        do {
            var sent = exchange
            if pool == nil { sent.headers.append(("Connection", "close")) }
            let kept = try await connection.exchange(sent, maximumResponseBytes: maximumResponseBytes)
            if kept.keepsAlive, let pool {
                pool.give(back: connection, keepAlive: kept.answer.header(HeaderNames.keepAlive))
            }
            return kept.answer
        } catch let error as ClientError {
            throw error
        } catch {
            if timedOut.isSet { throw timeout() }
            if let channelError = error as? ChannelError, channelError == .eof {
                throw ClientError(
                    kind: .unreachable,
                    code: UnixSocketTransport.connectionClosed,
                    message:
                        "the daemon closed the connection on \(place) before answering; see its log (journalctl -u accordd)"
                )
            }
            throw ClientError(
                kind: .unreachable,
                code: UnixSocketTransport.connectionBroken,
                message:
                    "the connection to the daemon on \(place) broke before the whole answer arrived; retry, and if it happens again see the daemon's log (journalctl -u accordd)"
            )
        }
    }

    private func timeout() -> ClientError {
        ClientError(
            kind: .unreachable,
            code: "timeout",
            message:
                "the daemon on \(place) did not answer within \(timeoutSeconds) s; it may be stuck: see `systemctl status accordd`, or retry with a larger --timeout"
        )
    }

    /// The request line and header fields of `exchange`.
    static func requestHead(_ exchange: HTTPExchange) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "accordd")
        headers.add(name: "Content-Length", value: String(exchange.body.count))
        if !exchange.body.isEmpty { headers.add(name: "Content-Type", value: "application/json") }
        for (name, value) in exchange.headers { headers.replaceOrAdd(name: name, value: value) }
        return HTTPRequestHead(
            version: .http1_1,
            method: HTTPMethod(rawValue: exchange.method),
            uri: exchange.path,
            headers: headers
        )
    }

    /// The code of a connection that broke before the whole answer arrived.
    static let connectionBroken = "connection_broken"
    /// The code of a connection the daemon closed before it answered.
    static let connectionClosed = "connection_closed"
    /// The code of a command without a request id lost with its reused connection: recorded or not, nobody knows.
    static let outcomeUnknown = "command_outcome_unknown"
    /// What a kept connection the daemon closed while idle looks like when it is reused.
    static let lostConnection: Set<String> = [connectionBroken, connectionClosed]

    static func tooLarge(_ maximumResponseBytes: Int) -> ClientError {
        ClientError(
            kind: .protocolViolation,
            code: "response_too_large",
            message: "the daemon's answer is larger than \(maximumResponseBytes) bytes; ask for a smaller page"
        )
    }

    /// A new HTTP/1.1 connection to the daemon, within `timeoutSeconds`.
    func connect() async throws(ClientError) -> NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart> {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let tunnel {
            let descriptor = try tunnel.open()
            do {
                return try await bootstrap.withConnectedSocket(descriptor, channelInitializer: Self.httpChannel)
            } catch {
                throw ClientError(
                    kind: .unreachable,
                    code: "tunnel_failed",
                    message: "cannot use the connection to \(tunnel.place): \(error)"
                )
            }
        }
        do {
            return try await bootstrap.connectTimeout(.seconds(timeoutSeconds))
                .connect(unixDomainSocketPath: socketPath, channelInitializer: Self.httpChannel)
        } catch {
            throw unreachable()
        }
    }

    @Sendable
    private static func httpChannel(_ channel: Channel) -> EventLoopFuture<
        NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
    > {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                wrappingChannelSynchronously: channel
            )
        }
    }

    private func unreachable() -> ClientError {
        let missing = access(socketPath, F_OK) != 0
        // A folder on the path closed to this user (another user's home or state folder) hides the socket.
        if missing, errno == EACCES {
            return ClientError(
                kind: .unreachable,
                code: "permission_denied",
                message:
                    "you may not open a folder on the path of \(socketPath) (it may be another user's); use your own daemon's socket, or the system service's (/run/accord/accord.sock)"
            )
        }
        if !missing, access(socketPath, W_OK) != 0 {
            return ClientError(
                kind: .unreachable,
                code: "permission_denied",
                message:
                    "you may not use the daemon's socket \(socketPath); ask an administrator for access to it (the system service's socket is open to every local user; see docs/security.md)"
            )
        }
        let hint =
            missing
            ? "no socket at \(socketPath): start the daemon with `systemctl start accordd.socket` (or run your own `accordd`), or point --socket or ACCORD_SOCKET at its socket; if `systemctl status accordd.socket` says it failed, `journalctl -u accordd` says why, and `systemctl reset-failed accordd.service accordd.socket` comes before the start"
            : "nobody answers on \(socketPath): the daemon is not running or not allowing you in; start it (`systemctl start accordd`) or check the socket's permissions"
        // The library's own error text says nothing more to a user than the hint does.
        return ClientError(kind: .unreachable, code: "daemon_unreachable", message: hint)
    }
}
