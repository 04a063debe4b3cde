import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 over a Unix socket: binds or inherits the socket, reads each request within the limits, asks the
/// responder, writes the answer. Shutdown stops accepting, lets in-flight requests finish, then closes.
public final class UnixSocketServer: Sendable {
    private struct State {
        var serverChannel: (any Channel)?
        var boundPath: String?
        var connections: [ObjectIdentifier: ConnectionSlot] = [:]
        var shuttingDown = false
    }

    private struct ConnectionSlot {
        var channel: any Channel
        var busy: Bool
        /// Serving a streamed answer, which has no end of its own: shutdown closes it at once.
        var streaming = false
    }

    /// Pending connections the kernel queues; also accordd.socket's Backlog= (see `bind`).
    public static let backlog: Int32 = 128

    private let socket: ListeningSocket
    private let responder: any HTTPResponder
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    private let limitsStore: Mutex<ServerLimits>
    private let state = Mutex(State())

    public init(
        socket: ListeningSocket,
        responder: any HTTPResponder,
        limits: ServerLimits,
        group: MultiThreadedEventLoopGroup,
        logger: Logger
    ) {
        self.socket = socket
        self.responder = responder
        self.group = group
        self.logger = logger
        self.limitsStore = Mutex(limits)
    }

    public var limits: ServerLimits {
        get { limitsStore.withLock { $0 } }
        set { limitsStore.withLock { $0 = newValue } }
    }

    public var connectionCount: Int { state.withLock { $0.connections.count } }

    /// The account names of peers, by uid; the daemon clears it on SIGHUP.
    public let userNames = UserNameCache()

    /// Serves until `beginShutdown()`; `onListening` runs once the socket accepts connections.
    public func run(onListening: @Sendable () -> Void) async throws {
        let serverChannel = try await bind()
        let closeAtOnce = state.withLock { state -> Bool in
            state.serverChannel = serverChannel.channel
            return state.shuttingDown
        }
        if closeAtOnce { serverChannel.channel.close(promise: nil) }
        logger.info("listening", metadata: ["socket": "\(socket)"])
        onListening()
        try await withThrowingDiscardingTaskGroup { group in
            try await serverChannel.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.serve(connection) }
                }
            }
        }
        removeBoundSocketFile()
        logger.info("stopped serving", metadata: ["socket": "\(socket)"])
    }

    /// Stops accepting, closes idle connections, and lets busy ones finish their request within the grace period.
    public func beginShutdown() {
        let (serverChannel, idle) = state.withLock { state -> ((any Channel)?, [any Channel]) in
            state.shuttingDown = true
            let closable = state.connections.values.filter { !$0.busy || $0.streaming }
            return (state.serverChannel, closable.map(\.channel))
        }
        serverChannel?.close(promise: nil)
        for channel in idle { channel.close(promise: nil) }
        let grace = TimeAmount.milliseconds(limits.shutdownGraceMilliseconds)
        group.next().scheduleTask(in: grace) { [self] in
            let remaining = state.withLock { $0.connections.values.map(\.channel) }
            if !remaining.isEmpty {
                logger.warning(
                    "closing connections still busy after the shutdown grace period",
                    metadata: ["count": "\(remaining.count)"]
                )
            }
            for channel in remaining { channel.close(promise: nil) }
        }
    }

    private func bind() async throws -> NIOAsyncChannel<AcceptedConnection, Never> {
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AcceptedConnection> = { [self] channel in
            UnixSocketServer.accept(channel, idleTimeout: .milliseconds(limits.idleTimeoutMilliseconds))
        }
        switch socket {
        case .path(let path):
            try SocketPathPreparation.prepare(path)
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: UnixSocketServer.backlog)
                .bind(
                    unixDomainSocketPath: path,
                    cleanupExistingSocketFile: false,
                    childChannelInitializer: initializer
                )
            state.withLock { $0.boundPath = path }
            return channel
        case .inherited(let fileDescriptor, _):
            // SwiftNIO calls listen(fd, 128) on an inherited socket before any option applies, which resets the
            // queue length; accordd.socket sets Backlog=128 so that systemd's queue and ours are the same.
            return try await ServerBootstrap(group: group)
                .bind(fileDescriptor, childChannelInitializer: initializer)
        }
    }

    private static func accept(_ channel: any Channel, idleTimeout: TimeAmount) -> EventLoopFuture<AcceptedConnection> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(
                ServerError(code: "no_peer_credentials", message: "the accepted connection has no socket options")
            )
        }
        let credentials: EventLoopFuture<KernelPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return credentials.flatMapThrowing { credentials in
            try channel.pipeline.syncOperations.addHandler(
                IdleStateHandler(readTimeout: idleTimeout),
                name: UnixSocketServer.idleHandlerName
            )
            try channel.pipeline.syncOperations.addHandler(IdleConnectionCloser())
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
            // Finished on deinit (the deprecated initializer): a connection accepted just as shutdown closes the
            // listening channel is dropped before anyone calls executeThenClose on it, and the non-deprecated one
            // traps then (swift-nio issue 2813), which a daemon stopped under load did.
            let asyncChannel = try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                synchronouslyWrapping: channel
            )
            return AcceptedConnection(
                channel: asyncChannel,
                processID: credentials.processID,
                userID: credentials.userID,
                groupID: credentials.groupID
            )
        }
    }

    private func serve(_ connection: AcceptedConnection) async {
        let identifier = ObjectIdentifier(connection.channel.channel)
        let admitted = state.withLock { state -> Bool in
            guard !state.shuttingDown, state.connections.count < limits.maximumConnections else { return false }
            state.connections[identifier] = ConnectionSlot(channel: connection.channel.channel, busy: false)
            return true
        }
        defer { state.withLock { _ = $0.connections.removeValue(forKey: identifier) } }
        let peer = PeerCredentials(
            processID: connection.processID,
            userID: connection.userID,
            groupID: connection.groupID,
            userName: userNames.name(of: connection.userID)
        )
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                guard admitted else {
                    let limit = limits.maximumConnections
                    let refusal = responder.refusal(
                        status: 503,
                        code: "too_many_connections",
                        message: "the daemon already serves \(limit) connections; retry shortly"
                    )
                    // HTTP answers a request: wait for one (the idle timeout bounds the wait), then refuse it.
                    for try await part in inbound {
                        guard case .end = part else { continue }
                        try await write(refusal, keepAlive: false, to: outbound)
                        await UnixSocketServer.flushThenShutOutput(connection.channel.channel)
                        return
                    }
                    return
                }
                try await exchange(
                    inbound: inbound,
                    outbound: outbound,
                    peer: peer,
                    identifier: identifier,
                    channel: connection.channel.channel
                )
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)", "uid": "\(peer.userID)"])
        }
    }

    private func exchange(
        inbound: NIOAsyncChannelInboundStream<HTTPServerRequestPart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
        peer: PeerCredentials,
        identifier: ObjectIdentifier,
        channel: any Channel
    ) async throws {
        var head: HTTPRequestHead?
        var body = ByteBuffer()
        var tooLarge = false
        for try await part in inbound {
            switch part {
            case .head(let requestHead):
                head = requestHead
                body.clear()
                let declared = requestHead.headers.first(name: "content-length").flatMap(Int.init) ?? 0
                tooLarge = declared > limits.maximumBodyBytes
                setBusy(identifier, true)
            case .body(var chunk):
                guard !tooLarge else { continue }
                if body.readableBytes + chunk.readableBytes > limits.maximumBodyBytes {
                    tooLarge = true
                    body.clear()
                } else {
                    body.writeBuffer(&chunk)
                }
            case .end:
                guard let requestHead = head else { continue }
                let response: HTTPResponse
                if tooLarge {
                    response = responder.refusal(
                        status: 413,
                        code: "body_too_large",
                        message: "the request body is larger than \(limits.maximumBodyBytes) bytes; send less"
                    )
                } else {
                    response = await responder.respond(to: HTTPRequest(head: requestHead, body: body, peer: peer))
                }
                if let stream = response.stream {
                    try await serve(
                        stream,
                        head: response,
                        version: requestHead.version,
                        identifier: identifier,
                        channel: channel
                    )
                    return
                }
                let shuttingDown = state.withLock { $0.shuttingDown }
                let keepAlive = requestHead.isKeepAlive && !tooLarge && !shuttingDown
                try await write(response, keepAlive: keepAlive, version: requestHead.version, to: outbound)
                setBusy(identifier, false)
                head = nil
                if !keepAlive {
                    await UnixSocketServer.flushThenShutOutput(channel)
                    return
                }
            }
        }
    }

    static let idleHandlerName = "idle-state"

    /// A streamed answer: no idle timeout (the peer only listens), chunked, ended when the producer returns, the
    /// peer goes away, or the daemon shuts down.
    private func serve(
        _ stream: ResponseStream,
        head response: HTTPResponse,
        version: HTTPVersion,
        identifier: ObjectIdentifier,
        channel: any Channel
    ) async throws {
        // Marked before it starts, so a shutdown from here on closes it (one that began earlier ends it with its grace).
        state.withLock { $0.connections[identifier]?.streaming = true }
        _ = try? await channel.pipeline.removeHandler(name: UnixSocketServer.idleHandlerName).get()
        var headers = response.headers
        headers.remove(name: "Content-Length")
        headers.replaceOrAdd(name: "Connection", value: "close")
        let writer = ResponseBodyWriter(
            channel: channel,
            stallTimeout: .milliseconds(limits.streamStallTimeoutMilliseconds)
        )
        try await writer.writeHead(HTTPResponseHead(version: version, status: response.status, headers: headers))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await stream.produce(writer)
                } catch {
                    self.logger.debug("a streamed answer ended early", metadata: ["error": "\(error)"])
                }
                await writer.finish()
            }
            group.addTask { try? await channel.closeFuture.get() }
            await group.next()
            group.cancelAll()
        }
    }

    private func write(
        _ response: HTTPResponse,
        keepAlive: Bool,
        version: HTTPVersion = .http1_1,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = response.headers
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.readableBytes))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        try await outbound.write(.head(HTTPResponseHead(version: version, status: response.status, headers: headers)))
        if response.body.readableBytes > 0 {
            try await outbound.write(.body(.byteBuffer(response.body)))
        }
        try await outbound.write(.end(nil))
    }

    /// NIOAsyncChannel closes the channel as soon as its body returns, which drops writes still pending when the
    /// socket buffer was full (a large answer). Shutting the output down first completes only once every pending
    /// write reached the kernel.
    static func flushThenShutOutput(_ channel: any Channel) async {
        try? await channel.close(mode: .output).get()
    }

    private func setBusy(_ identifier: ObjectIdentifier, _ busy: Bool) {
        state.withLock { $0.connections[identifier]?.busy = busy }
    }

    private func removeBoundSocketFile() {
        guard let path = state.withLock({ $0.boundPath }) else { return }
        unlink(path)
    }
}
