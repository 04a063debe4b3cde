import NIOCore

/// The refusals a connection's own handlers may have to send (a deadline passed, a request that is not HTTP), made
/// once for a set of limits instead of encoded again for every connection accepted.
struct ConnectionAnswers: Sendable {
    let limits: ServerLimits
    let headTimeout: ByteBuffer
    let bodyTimeout: ByteBuffer
    let headersTooLarge: HTTPResponse
    let malformed: HTTPResponse

    init(limits: ServerLimits, responder: any HTTPResponder) {
        self.limits = limits
        headTimeout = responder.refusal(
            status: 408,
            code: RequestDeadlineHandler.timeoutCode,
            message:
                "the request's head did not arrive within \(limits.headTimeoutMilliseconds) ms of its first byte; send it whole"
        ).encodedForClosing()
        bodyTimeout = responder.refusal(
            status: 408,
            code: RequestDeadlineHandler.timeoutCode,
            message:
                "the request's body did not arrive within \(limits.bodyTimeoutMilliseconds) ms of its head; send it whole"
        ).encodedForClosing()
        headersTooLarge = responder.refusal(
            status: 431,
            code: "headers_too_large",
            message:
                "the request's head is larger than \(limits.maximumHeaderBytes) bytes or has more than \(limits.maximumHeaderCount) header fields; send fewer or shorter headers"
        )
        malformed = responder.refusal(
            status: 400,
            code: "malformed_http",
            message: "the request is not valid HTTP/1.1; see docs/api.md"
        )
    }
}
