import AccordAPI
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
        var connectionsPerUser: [UInt32: Int] = [:]
        var refusedCount = 0
        /// Accepted but not yet taken up by `serve`: the server's stream of connections drops the ones it still
        /// buffers when it closes, and an async channel dropped unfinished traps. Holding them here lets the end
        /// of `run` finish each one (see `finishUnserved`).
        var unserved: [ObjectIdentifier: AcceptedConnection] = [:]
        var unservedFinished = false
        var shuttingDown = false
        /// A shutdown after a failed start: connections already accepted are still served (told why), not closed.
        var answeringAccepted = false
    }

    typealias HTTPChannel = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private struct ConnectionSlot {
        var channel: any Channel
        var busy: Bool
        /// Past a limit: held only to answer its request with 503, and not counted against the limits.
        var refused: Bool
        /// Serving a streamed answer, which has no end of its own: shutdown closes it at once.
        var streaming = false
    }

    private enum Admission {
        case admitted
        case refused(String)
        case closed
    }

    /// A socket accordd binds itself; under systemd the socket unit sets it (docs/decisions/0003-roles.md).
    public static let boundSocketMode: mode_t = 0o660

    /// Pending connections the kernel queues; also accordd.socket's Backlog= (see `bind`).
    public static let backlog: Int32 = 128

    private let socket: ListeningSocket
    private let responder: any HTTPResponder
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    private let limitsStore: Mutex<ServerLimits>
    private let state = Mutex(State())
    private let answers = Mutex<ConnectionAnswers?>(nil)
    /// Told the code of every refusal the server makes itself, before any responder sees the request (a deadline,
    /// a limit, unparseable HTTP), so that metrics count them with the responders' refusals.
    private let refused: @Sendable (String) -> Void

    public init(
        socket: ListeningSocket,
        responder: any HTTPResponder,
        limits: ServerLimits,
        group: MultiThreadedEventLoopGroup,
        logger: Logger,
        refused: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.socket = socket
        self.responder = responder
        self.group = group
        self.logger = logger
        self.limitsStore = Mutex(limits)
        self.refused = refused
    }

    public var limits: ServerLimits {
        get { limitsStore.withLock { $0 } }
        set { limitsStore.withLock { $0 = newValue } }
    }

    public var connectionCount: Int { state.withLock { $0.connections.count - $0.refusedCount } }

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
        await finishUnserved()
        removeBoundSocketFile()
        logger.info("stopped serving", metadata: ["socket": "\(socket)"])
    }

    /// Stops accepting, closes idle connections, and lets busy ones finish their request within the grace period.
    public func beginShutdown() {
        beginShutdown(closingIdle: true, graceMilliseconds: limits.shutdownGraceMilliseconds)
    }

    /// Stops accepting after a failed start: the connections accepted meanwhile are left to send their request and
    /// read its answer (the reason), then all are closed after `graceMilliseconds`.
    public func stopAfterAnswering(graceMilliseconds: Int64) {
        beginShutdown(closingIdle: false, graceMilliseconds: graceMilliseconds)
    }

    private func beginShutdown(closingIdle: Bool, graceMilliseconds: Int64) {
        let (serverChannel, idle) = state.withLock { state -> ((any Channel)?, [any Channel]) in
            state.shuttingDown = true
            state.answeringAccepted = !closingIdle
            let closable = state.connections.values.filter { closingIdle && !$0.busy || $0.refused || $0.streaming }
            return (state.serverChannel, closable.map(\.channel))
        }
        serverChannel?.close(promise: nil)
        for channel in idle { channel.close(promise: nil) }
        let grace = TimeAmount.milliseconds(graceMilliseconds)
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
            accept(channel)
        }
        switch socket {
        case .path(let path):
            try SocketPathPreparation.prepare(path)
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: UnixSocketServer.backlog)
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .bind(
                    unixDomainSocketPath: path,
                    cleanupExistingSocketFile: false,
                    childChannelInitializer: initializer
                )
            // Owner and group (the daemon's): a socket the daemon binds itself serves its own user, whatever the umask.
            guard chmod(path, UnixSocketServer.boundSocketMode) == 0 else {
                let error = errno
                try? await channel.executeThenClose { _ in }
                throw ServerError(
                    code: "socket_mode_unsettable",
                    message: "cannot set mode 0660 on \(path) (errno \(error)); check the folder's file system"
                )
            }
            state.withLock { $0.boundPath = path }
            return channel
        case .inherited(let fileDescriptor, _):
            // SwiftNIO closes the descriptor it serves on; a copy leaves the inherited one open, so that after a
            // failed start accordd can still answer the clients queued on it (StartFailureAnswer).
            let copy = fcntl(fileDescriptor, F_DUPFD_CLOEXEC, 0)
            guard copy >= 0 else {
                throw ServerError(
                    code: "inherited_socket_unusable",
                    message:
                        "cannot use the socket systemd passed (descriptor \(fileDescriptor), errno \(errno)); check accordd.socket"
                )
            }
            // SwiftNIO calls listen(fd, 128) on an inherited socket before any option applies, which resets the
            // queue length; accordd.socket sets Backlog=128 so that systemd's queue and ours are the same.
            return try await ServerBootstrap(group: group)
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .bind(copy, childChannelInitializer: initializer)
        }
    }

    /// Reads the peer's credentials and builds the pipeline: deadlines next to the socket, then HTTP within the
    /// header limits, then JSON answers to unparseable requests.
    private func accept(_ channel: any Channel) -> EventLoopFuture<AcceptedConnection> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(
                ServerError(code: "no_peer_credentials", message: "the accepted connection has no socket options")
            )
        }
        let credentials: EventLoopFuture<KernelPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        let limits = self.limits
        let answers = connectionAnswers(for: limits)
        return credentials.flatMapThrowing { [self] credentials in
            // NIO's socket-option call hides the length the kernel returns, which SO_PEERGROUPS needs.
            let groupIDs = try channel.pipeline.syncOperations.withUnsafeTransportIfAvailable(
                of: NIOBSDSocket.Handle.self
            ) { PeerGroupsOption.read(socket: $0) }
            let deadlines = RequestDeadlineHandler(
                deadlines: RequestDeadlineHandler.Deadlines(
                    idle: .milliseconds(limits.idleTimeoutMilliseconds),
                    head: .milliseconds(limits.headTimeoutMilliseconds),
                    body: .milliseconds(limits.bodyTimeoutMilliseconds)
                ),
                headTimeoutAnswer: answers.headTimeout,
                bodyTimeoutAnswer: answers.bodyTimeout,
                refused: refused
            )
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            decoderLimits.maxHeaderListSize = limits.maximumHeaderBytes
            decoderLimits.maxHeaderFieldSize = limits.maximumHeaderBytes
            decoderLimits.maxHeaderFieldCount = limits.maximumHeaderCount
            let operations = channel.pipeline.syncOperations
            try operations.addHandler(deadlines, name: UnixSocketServer.deadlineHandlerName, position: .first)
            try operations.configureHTTPServerPipeline(
                withErrorHandling: false,
                withEncoderConfiguration: HTTPResponseEncoder.Configuration(),
                withDecoderLimitConfiguration: decoderLimits
            )
            try operations.addHandlers([
                ProtocolErrorAnswerer(
                    headersTooLarge: answers.headersTooLarge,
                    malformed: answers.malformed,
                    refused: refused
                ),
                RequestProgressReporter(),
            ])
            let connection = AcceptedConnection(
                channel: try HTTPChannel(wrappingChannelSynchronously: channel),
                processID: credentials.processID,
                userID: credentials.userID,
                groupID: credentials.groupID,
                groupIDs: groupIDs ?? nil,
                idleTimeoutMilliseconds: limits.idleTimeoutMilliseconds
            )
            holdUnserved(connection)
            return connection
        }
    }

    /// The refusals of `accept`'s handlers for `limits`, made again only when a reload changed the limits.
    private func connectionAnswers(for limits: ServerLimits) -> ConnectionAnswers {
        if let cached = answers.withLock({ $0 }), cached.limits == limits { return cached }
        let made = ConnectionAnswers(limits: limits, responder: responder)
        answers.withLock { $0 = made }
        return made
    }

    private func holdUnserved(_ connection: AcceptedConnection) {
        let tooLate = state.withLock { state -> Bool in
            guard !state.unservedFinished else { return true }
            state.unserved[ObjectIdentifier(connection.channel.channel)] = connection
            return false
        }
        if tooLate { Task { try? await connection.channel.executeThenClose { _, _ in } } }
    }

    /// Closes, properly finished, every connection accepted but never served because the listener closed first;
    /// after a failed start, serves them instead, so that each is told why.
    private func finishUnserved() async {
        let (left, answering) = state.withLock { state -> ([AcceptedConnection], Bool) in
            state.unservedFinished = true
            defer { state.unserved.removeAll() }
            return (Array(state.unserved.values), state.answeringAccepted)
        }
        guard answering else {
            for connection in left { try? await connection.channel.executeThenClose { _, _ in } }
            return
        }
        await withDiscardingTaskGroup { group in
            for connection in left { group.addTask { await self.serve(connection) } }
        }
    }

    /// Counts a new connection against the limits, or says why it is refused; during shutdown it is closed at once.
    private func admit(_ identifier: ObjectIdentifier, channel: any Channel, userID: UInt32) -> Admission {
        state.withLock { state -> Admission in
            state.unserved.removeValue(forKey: identifier)
            if state.shuttingDown, !state.answeringAccepted { return .closed }
            let limits = limits
            let ofUser = state.connectionsPerUser[userID, default: 0]
            let refusal: String?
            if state.connections.count - state.refusedCount >= limits.maximumConnections {
                refusal = "the daemon already serves \(limits.maximumConnections) connections; retry shortly"
            } else if ofUser >= limits.maximumConnectionsPerUser {
                refusal =
                    "user \(userID) already holds \(limits.maximumConnectionsPerUser) connections, the most one user may; close some or retry shortly"
            } else {
                refusal = nil
            }
            state.connections[identifier] = ConnectionSlot(channel: channel, busy: false, refused: refusal != nil)
            if let refusal {
                state.refusedCount += 1
                return .refused(refusal)
            }
            state.connectionsPerUser[userID] = ofUser + 1
            return .admitted
        }
    }

    private func release(_ identifier: ObjectIdentifier, userID: UInt32) {
        state.withLock { state in
            guard let slot = state.connections.removeValue(forKey: identifier) else { return }
            if slot.refused {
                state.refusedCount -= 1
                return
            }
            let left = state.connectionsPerUser[userID, default: 1] - 1
            state.connectionsPerUser[userID] = left > 0 ? left : nil
        }
    }

    private func serve(_ connection: AcceptedConnection) async {
        let identifier = ObjectIdentifier(connection.channel.channel)
        let admission = admit(identifier, channel: connection.channel.channel, userID: connection.userID)
        defer { release(identifier, userID: connection.userID) }
        let peer = await connection.peer(names: userNames)
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                switch admission {
                case .admitted: break
                case .closed: return
                case .refused(let refusal):
                    let code = "too_many_connections"
                    let answer = responder.refusal(status: 503, code: code, message: refusal)
                    refused(code)
                    // HTTP answers a request: wait for one (the deadlines bound the wait), then refuse it.
                    var parts = inbound.makeAsyncIterator()
                    while let part = try await parts.next() {
                        guard case .end = part else { continue }
                        try await write(answer, keptAliveFor: nil, to: outbound)
                        await closeAfterTheClient(&parts, channel: connection.channel.channel)
                        return
                    }
                    return
                }
                try await exchange(
                    inbound: inbound,
                    outbound: outbound,
                    peer: peer,
                    identifier: identifier,
                    idleTimeoutMilliseconds: connection.idleTimeoutMilliseconds,
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
        idleTimeoutMilliseconds: Int64,
        channel: any Channel
    ) async throws {
        var head: HTTPRequestHead?
        var body = ByteBuffer()
        var parts = inbound.makeAsyncIterator()
        while let part = try await parts.next() {
            switch part {
            case .head(let requestHead):
                let maximum = limits.maximumBodyBytes(uri: requestHead.uri)
                if let declared = requestHead.headers.first(name: "content-length").flatMap(Int.init),
                    declared > maximum
                {
                    // Refused on the announced length, before reading any of it: the body is never waited for.
                    let refusal = tooLarge(uri: requestHead.uri, maximum: maximum, announced: declared)
                    try await write(refusal, keptAliveFor: nil, version: requestHead.version, to: outbound)
                    await closeAfterTheClient(&parts, channel: channel)
                    return
                }
                head = requestHead
                body.clear()
            case .body(var chunk):
                guard let requestHead = head else { continue }
                let maximum = limits.maximumBodyBytes(uri: requestHead.uri)
                if body.readableBytes + chunk.readableBytes > maximum {
                    // A chunked body has no announced length: refused as soon as it passes the limit.
                    let refusal = tooLarge(uri: requestHead.uri, maximum: maximum, announced: nil)
                    try await write(refusal, keptAliveFor: nil, version: requestHead.version, to: outbound)
                    await closeAfterTheClient(&parts, channel: channel)
                    return
                }
                body.writeBuffer(&chunk)
            case .end:
                guard let requestHead = head else { continue }
                // Busy from a whole request to its answer: shutdown waits for these, not for half-sent requests.
                setBusy(identifier, true)
                let response = await responder.respond(to: HTTPRequest(head: requestHead, body: body, peer: peer))
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
                let keepAlive = requestHead.isKeepAlive && !shuttingDown
                try await write(
                    response,
                    keptAliveFor: keepAlive ? idleTimeoutMilliseconds : nil,
                    version: requestHead.version,
                    to: outbound
                )
                setBusy(identifier, false)
                head = nil
                if !keepAlive {
                    await closeAfterTheClient(&parts, channel: channel)
                    return
                }
            }
        }
    }

    /// The 413 for a body past its limit: a batch's names its own limit and says to split it.
    private func tooLarge(uri: String, maximum: Int, announced: Int?) -> HTTPResponse {
        let announcing = announced.map { " (it announces \($0))" } ?? ""
        let (code, message) =
            ServerLimits.isBatch(uri)
            ? (
                "batch_too_large",
                "the batch's body is larger than \(maximum) bytes\(announcing), the most maximumBatchBodyBytes lets one batch carry; split it into several batches"
            )
            : ("body_too_large", "the request body is larger than \(maximum) bytes\(announcing); send less")
        refused(code)
        return responder.refusal(status: 413, code: code, message: message)
    }

    static let deadlineHandlerName = "request-deadlines"

    /// A streamed answer: chunked, ended when the producer returns, the peer goes away, or the daemon shuts down.
    /// The request's own deadlines are over once it is whole; the answer has no end of its own, so the idle
    /// deadline (an answer not taken) gives way to the writer's stall timeout, which bounds a peer that stops reading.
    private func serve(
        _ stream: ResponseStream,
        head response: HTTPResponse,
        version: HTTPVersion,
        identifier: ObjectIdentifier,
        channel: any Channel
    ) async throws {
        // Marked before it starts, so a shutdown from here on closes it (one that began earlier ends it with its grace).
        state.withLock { $0.connections[identifier]?.streaming = true }
        var headers = response.headers
        headers.remove(name: "Content-Length")
        headers.replaceOrAdd(name: "Connection", value: "close")
        let writer = ResponseBodyWriter(
            channel: channel,
            stallTimeout: .milliseconds(limits.streamStallTimeoutMilliseconds)
        )
        do {
            try await channel.pipeline.removeHandler(name: UnixSocketServer.deadlineHandlerName).get()
            try await writer.writeHead(HTTPResponseHead(version: version, status: response.status, headers: headers))
        } catch {
            // The producer runs all the same, against a closed channel, so that what it holds (a follower's slot)
            // is given back when it returns.
            logger.debug("a streamed answer could not begin", metadata: ["error": "\(error)"])
            channel.close(promise: nil)
        }
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

    /// Writes `response`, keeping the connection open for the next request when `idleTimeoutMilliseconds` is given:
    /// `Keep-Alive: timeout=N` then tells the client the whole seconds it may stay idle, so that it does not send a
    /// command on a connection the daemon is closing.
    private func write(
        _ response: HTTPResponse,
        keptAliveFor idleTimeoutMilliseconds: Int64?,
        version: HTTPVersion = .http1_1,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = response.headers
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.readableBytes))
        headers.replaceOrAdd(name: "Connection", value: idleTimeoutMilliseconds == nil ? "close" : "keep-alive")
        if let idleTimeoutMilliseconds {
            headers.replaceOrAdd(name: HeaderNames.keepAlive, value: "timeout=\(idleTimeoutMilliseconds / 1000)")
        }
        // One write of all three parts: one hop to the event loop and one flush (one writev) per answer.
        var parts: [HTTPServerResponsePart] = [
            .head(HTTPResponseHead(version: version, status: response.status, headers: headers))
        ]
        if response.body.readableBytes > 0 { parts.append(.body(.byteBuffer(response.body))) }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
    }

    /// How long a connection whose last answer said `Connection: close` waits for the client to close first.
    static let lingerMilliseconds: Int64 = 2_000

    /// Closing at once after the last answer would drop writes still pending when the socket buffer was full (a
    /// large answer), and would let the client see the end of the stream while it is still finishing its own
    /// write, which some clients report as a broken connection instead of reading the answer. So the server
    /// waits, briefly, for the client to take the answer and close, discarding whatever else it sends.
    private func closeAfterTheClient(
        _ parts: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator,
        channel: any Channel
    ) async {
        let closer = channel.eventLoop.scheduleTask(in: .milliseconds(UnixSocketServer.lingerMilliseconds)) {
            channel.close(promise: nil)
        }
        defer { closer.cancel() }
        do {
            while try await parts.next() != nil {}
        } catch {
            // The client went away, which is what was waited for.
        }
    }

    private func setBusy(_ identifier: ObjectIdentifier, _ busy: Bool) {
        state.withLock { $0.connections[identifier]?.busy = busy }
    }

    private func removeBoundSocketFile() {
        guard let path = state.withLock({ $0.boundPath }) else { return }
        unlink(path)
    }
}
