import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads whole HTTP/1.1 messages (a head and its `Content-Length` body) from a socket, for the stand-in servers.
enum HTTPMessageReader {
    /// The bytes of the next whole message, or nil at the end of input; `pending` keeps what was read past it.
    static func next(from connection: Int32, pending: inout [UInt8]) -> [UInt8]? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstRange(of: separator)?.upperBound {
                let length =
                    head(of: pending[..<end]).split(separator: "\r\n")
                    .first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if pending.count >= end + length {
                    defer { pending.removeFirst(end + length) }
                    return Array(pending[..<(end + length)])
                }
            }
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return nil }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    /// A message's head as text: its start line and header fields.
    static func head(of message: some Collection<UInt8>) -> String {
        let text = String(decoding: message, as: UTF8.self)
        return text.range(of: "\r\n\r\n").map { String(text[..<$0.lowerBound]) } ?? text
    }

    /// A message's start line: `POST /v1/institutions HTTP/1.1`.
    static func startLine(of message: [UInt8]) -> String {
        head(of: message).split(separator: "\r\n").first.map(String.init) ?? ""
    }

    /// Writes all of `bytes`; false once the peer has gone.
    @discardableResult
    static func write(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
