import Glibc

/// How the daemon signs checkpoints: the log's origin (the first line of every checkpoint, and the key's name)
/// and how often it signs a new one while the log grows.
struct CheckpointSettings: Equatable, Sendable {
    var origin = CheckpointSettings.defaultOrigin()
    var intervalSeconds = 10
    /// The witness policy (C2SP/Sigsum policy lines): which witnesses may cosign and which must.
    var witnessPolicyFile: String?

    static let maximumOriginBytes = 200

    /// `HOSTNAME/accord`: unique per machine, and the shape C2SP recommends (a schema-less URL).
    static func defaultOrigin() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let named = gethostname(&buffer, buffer.count) == 0
        let host = named ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let usable = host.isEmpty || problem(withOrigin: "\(host)/accord") != nil ? "localhost" : host
        return "\(usable)/accord"
    }

    /// What is wrong with an origin, or nil. A signed-note key name must be non-empty, without spaces or `+`.
    static func problem(withOrigin origin: String) -> String? {
        if origin.isEmpty { return "is empty; give a name such as ledger.example.org/accord" }
        if origin.utf8.count > maximumOriginBytes { return "is longer than \(maximumOriginBytes) bytes" }
        if origin.unicodeScalars.contains(where: { $0 == "+" || $0.properties.isWhitespace || $0.value < 0x20 }) {
            return "\"\(origin)\" holds a space, a control character or a +, which a signed-note name cannot hold"
        }
        return nil
    }
}
