import NIOCore
import NIOHTTP1

/// A complete HTTP response; JSON bodies are the norm here.
public struct HTTPResponse: Sendable {
    public var status: HTTPResponseStatus
    public var headers: HTTPHeaders
    public var body: ByteBuffer
    /// Set for a body produced while it is sent (`body` is then unused); the connection closes after it.
    public var stream: ResponseStream?
    /// The `code` of an error answer's body, kept for metrics (refusals by code); never sent.
    public var errorCode: String?

    public init(
        status: HTTPResponseStatus,
        headers: HTTPHeaders = HTTPHeaders(),
        body: ByteBuffer = ByteBuffer(),
        stream: ResponseStream? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = stream
    }

    public static func json(_ status: HTTPResponseStatus, _ bytes: [UInt8]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: headers, body: ByteBuffer(bytes: bytes))
    }
}
