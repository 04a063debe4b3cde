import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A client socket driven byte by byte, for the requests a well-behaved client never sends.
final class RawConnection {
    let descriptor: Int32

    init(_ path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let result = UnixSocketAddress.with(path) { Glibc.connect(descriptor, $0, $1) }
        guard result == 0 else {
            let error = errno
            Glibc.close(descriptor)
            throw DaemonFailure(message: "connect(\(path)) failed: errno \(error)")
        }
    }

    /// Writes what the socket takes; false once the daemon closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// The client's half-close: no more request bytes, the answer still awaited.
    func shutDownWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Everything the daemon sends until it closes the connection, or nil if it is still open after `seconds`.
    func readUntilClosed(seconds: Double) -> String? {
        read(seconds: seconds, until: nil)
    }

    /// What the daemon sent up to and including `marker`, or nil if it did not come within `seconds`.
    func read(seconds: Double, until marker: String?) -> String? {
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let left = Int32(max(0, end.timeIntervalSinceNow) * 1_000)
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, left) > 0 else { return nil }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return marker == nil ? String(decoding: received, as: UTF8.self) : nil }
            received += buffer[0..<count]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) {
                return String(decoding: received, as: UTF8.self)
            }
        }
    }

    /// One HTTP answer: its status and body, read up to its Content-Length; nil status when the daemon closed
    /// the connection (or stayed silent for `seconds`) without answering.
    func readAnswer(seconds: Double, toHEAD: Bool = false) -> (status: Int?, body: String) {
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let text = String(decoding: received, as: UTF8.self)
            if let split = text.range(of: "\r\n\r\n") {
                let head = text[..<split.lowerBound]
                let status = head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
                let length =
                    head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                // The answer to HEAD announces the length of a body it does not carry.
                if toHEAD { return (status, "") }
                let body = String(text[split.upperBound...])
                if body.utf8.count >= length { return (status, body) }
            }
            let left = Int32(max(0, end.timeIntervalSinceNow) * 1_000)
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, left) > 0 else { return (nil, text) }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (nil, text) }
            received += buffer[0..<count]
        }
    }

    deinit {
        Glibc.close(descriptor)
    }
}
