import NIOCore

/// Bounds every phase of a connection in time: silence between requests, a request's head from its first byte,
/// its body from the end of the head, and the taking of the answer. The daemon's own work on a whole request is not
/// the client's silence, so no deadline runs from a request's end to its answer's first byte: a slow command is
/// answered, not cut off after it was recorded (the shutdown grace bounds that work). It sits next to the socket so
/// that it sees a request's first byte before the HTTP decoder does. A late head or body is answered 408 and the
/// connection closed; an idle connection is closed. Dripping bytes never extends a deadline, so a slow client cannot
/// hold a connection slot longer than the deadlines allow.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Phase {
        case awaitingRequest
        case receivingHead
        case receivingBody
        /// The request is whole and the daemon works on its answer.
        case answering
        /// The answer is being written, until its last byte reaches the socket.
        case sendingAnswer
    }

    struct Deadlines {
        var idle: TimeAmount
        var head: TimeAmount
        var body: TimeAmount
    }

    private let deadlines: Deadlines
    /// Whole HTTP responses, already encoded: past the head or body deadline the decoder holds an unfinished
    /// request, so the answer goes out beneath it.
    private let headTimeoutAnswer: ByteBuffer
    private let bodyTimeoutAnswer: ByteBuffer
    private var phase = Phase.awaitingRequest
    private var timer: Scheduled<Void>?

    private let refused: @Sendable (String) -> Void
    /// The code of both timeout answers, for `refused`.
    static let timeoutCode = "request_timeout"

    init(
        deadlines: Deadlines,
        headTimeoutAnswer: ByteBuffer,
        bodyTimeoutAnswer: ByteBuffer,
        refused: @escaping @Sendable (String) -> Void
    ) {
        self.refused = refused
        self.deadlines = deadlines
        self.headTimeoutAnswer = headTimeoutAnswer
        self.bodyTimeoutAnswer = bodyTimeoutAnswer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { enter(.awaitingRequest, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        enter(.awaitingRequest, context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if phase == .awaitingRequest { enter(.receivingHead, context: context) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if phase == .answering { enter(.sendingAnswer, context: context) }
        context.write(data, promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headReceived: enter(.receivingBody, context: context)
        case .requestReceived: enter(.answering, context: context)
        case .answerSent: enter(.awaitingRequest, context: context)
        }
        promise?.succeed()
    }

    private func enter(_ next: Phase, context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        phase = next
        let answer: ByteBuffer?
        let limit: TimeAmount
        switch next {
        case .answering:
            return
        case .awaitingRequest, .sendingAnswer:
            // An answer the client does not take holds the slot like silence does.
            (limit, answer) = (deadlines.idle, nil)
        case .receivingHead:
            (limit, answer) = (deadlines.head, headTimeoutAnswer)
        case .receivingBody:
            (limit, answer) = (deadlines.body, bodyTimeoutAnswer)
        }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: limit) {
            guard let answer else {
                context.close(promise: nil)
                return
            }
            self.refused(RequestDeadlineHandler.timeoutCode)
            context.writeAndFlush(self.wrapOutboundOut(answer)).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }
}
