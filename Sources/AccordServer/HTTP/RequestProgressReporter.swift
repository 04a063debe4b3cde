import NIOCore
import NIOHTTP1

/// Reports each request's head, its end, and the end of its answer to `RequestDeadlineHandler`, which arms the
/// deadline of the phase that follows. A request in HTTP/0.9 (a request line without a version) is closed at once:
/// an answer in that version has no status line, so no error could be told.
final class RequestProgressReporter: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head) where head.version.major != 1:
            context.close(promise: nil)
            return
        case .head: context.triggerUserOutboundEvent(RequestProgress.headReceived, promise: nil)
        case .end: context.triggerUserOutboundEvent(RequestProgress.requestReceived, promise: nil)
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.assumeIsolated().whenSuccess {
            context.triggerUserOutboundEvent(RequestProgress.answerSent, promise: nil)
        }
        context.write(data, promise: written)
    }
}
