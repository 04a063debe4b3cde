/// Turns one request into one response. The server owns sockets, framing and limits; a responder owns meaning.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// The answer when the server itself refuses a request (body too large, too many connections).
    func refusal(status: Int, code: String, message: String) -> HTTPResponse
}
