import NIOCore
import NIOHTTP1

/// Answers a request the HTTP decoder cannot parse with a JSON error instead of NIO's empty 400: 431 when its head
/// is past the header limits, 400 otherwise. The decoder closes the connection right after.
final class ProtocolErrorAnswerer: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let headersTooLarge: HTTPResponse
    private let malformed: HTTPResponse
    private var answerInProgress = false
    /// The decoder may report more than one error for the same bytes; the client gets one answer.
    private var answered = false

    private let refused: @Sendable (String) -> Void

    init(headersTooLarge: HTTPResponse, malformed: HTTPResponse, refused: @escaping @Sendable (String) -> Void) {
        self.headersTooLarge = headersTooLarge
        self.malformed = malformed
        self.refused = refused
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // Only between answers: half an answer already sent cannot be followed by another.
        if !answerInProgress && !answered {
            answered = true
            let response = parserError == .headerOverflow ? headersTooLarge : malformed
            if let code = response.errorCode { refused(code) }
            var headers = response.headers
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.readableBytes))
            headers.replaceOrAdd(name: "Connection", value: "close")
            let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head, .body: answerInProgress = true
        case .end: answerInProgress = false
        }
        context.write(data, promise: promise)
    }
}
