/// One request as the client sends it and the answer as it arrived.
public struct HTTPExchange: Sendable {
    public var method: String
    public var path: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}

public struct HTTPAnswer: Sendable {
    public var status: Int
    public var body: [UInt8]
    /// The answer's header fields, in order.
    public var headers: [(name: String, value: String)] = []

    /// The first value of a header field, by its name in any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
