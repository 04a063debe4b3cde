import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for the daemon meeting a request with its idle timeout: on each connection it answers the first
/// request kept alive (announcing a long `Keep-Alive` timeout), then reads the next one and closes the connection
/// without answering, as a daemon does that closes an idle connection the moment a reused request arrives. It
/// records every request line it read, by connection.
final class DroppingServer: Sendable {
    let socketPath: String
    private let listener: Int32
    private let received = Mutex<[[String]]>([])
    private let finished = Mutex(false)

    init(socketPath: String) throws {
        self.socketPath = socketPath
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let bound = UnixSocketAddress.with(socketPath) { bind(listener, $0, $1) }
        guard bound == 0, listen(listener, 8) == 0 else {
            close(listener)
            throw DaemonFailure(message: "cannot listen on \(socketPath): errno \(errno)")
        }
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// The request lines read so far, one list per connection in the order they were accepted.
    var requests: [[String]] { received.withLock { $0 } }

    /// Stops accepting; the serving thread closes the listening socket.
    func stop() {
        finished.withLock { $0 = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        defer { close(listener) }
        while !finished.withLock({ $0 }) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            // Not inherited by programs other tests start meanwhile (Glibc's module has no accept4).
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            defer { close(connection) }
            let index = received.withLock { received in
                received.append([])
                return received.count - 1
            }
            var pending: [UInt8] = []
            guard let first = DroppingServer.readRequest(connection, pending: &pending) else { continue }
            received.withLock { $0[index].append(first) }
            let answer =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\n{}"
            _ = answer.utf8CString.withUnsafeBufferPointer { write(connection, $0.baseAddress, $0.count - 1) }
            if let second = DroppingServer.readRequest(connection, pending: &pending) {
                received.withLock { $0[index].append(second) }
            }
        }
    }

    /// The request line of the next whole request (head and `Content-Length` body), or nil at the end of input.
    private static func readRequest(_ connection: Int32, pending: inout [UInt8]) -> String? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstRange(of: separator)?.upperBound {
                let head = String(decoding: pending[..<end], as: UTF8.self)
                let length =
                    head.split(separator: "\r\n")
                    .first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if pending.count >= end + length {
                    pending.removeFirst(end + length)
                    return head.split(separator: "\r\n").first.map(String.init)
                }
            }
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return nil }
            pending.append(contentsOf: buffer[..<count])
        }
    }
}
