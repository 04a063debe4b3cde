import Foundation
import NIOCore
import NIOHTTP1

/// One complete HTTP request, its body already gathered within the server's limit.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The path without its query string, percent-decoding left to the router.
    public var path: String
    public var query: [String: String]
    public var headers: HTTPHeaders
    public var body: ByteBuffer
    public var peer: PeerCredentials

    public init(head: HTTPRequestHead, body: ByteBuffer, peer: PeerCredentials) {
        self.method = head.method
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = String(parts.first ?? "")
        self.query = parts.count > 1 ? HTTPRequest.parseQuery(String(parts[1])) : [:]
        self.headers = head.headers
        self.body = body
        self.peer = peer
    }

    static func parseQuery(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = HTTPRequest.percentDecode(String(keyValue[0]))
            let value = keyValue.count > 1 ? HTTPRequest.percentDecode(String(keyValue[1])) : ""
            result[key] = value
        }
        return result
    }

    static func percentDecode(_ text: String) -> String {
        let plusAsSpace = text.replacingOccurrences(of: "+", with: " ")
        return plusAsSpace.removingPercentEncoding ?? plusAsSpace
    }
}
