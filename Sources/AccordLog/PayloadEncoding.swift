/// How a record's payload bytes are encoded. The log never interprets payloads; the byte is stored so that
/// later encodings can be introduced without a format break. 0 is not a valid encoding.
public struct PayloadEncoding: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// JSON text, UTF-8.
    public static let json = PayloadEncoding(rawValue: 1)

    public var description: String { self == .json ? "json" : "encoding \(rawValue)" }
}
