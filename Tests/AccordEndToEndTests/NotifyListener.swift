import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket standing in for systemd's notification socket: the daemon's sd_notify messages land here.
final class NotifyListener {
    let path: String
    private let descriptor: Int32
    private(set) var messages: [String] = []

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw DaemonFailure(message: "socket() failed: errno \(errno)") }
        let result = UnixSocketAddress.with(path) { bind(descriptor, $0, $1) }
        guard result == 0 else { throw DaemonFailure(message: "bind(\(path)) failed: errno \(errno)") }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Reads the datagrams already queued, without waiting; true when one read so far contains `text`.
    func received(_ text: String) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 0) > 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        return messages.contains { $0.contains(text) }
    }

    /// Reads datagrams until one contains `text` or the deadline passes; every message read is kept in order.
    func waitFor(_ text: String, seconds: Double) -> Bool {
        waitFor(seconds: seconds) { $0.contains(text) } != nil
    }

    /// Reads datagrams until a message at `index` or later matches, or the deadline passes; returns its index.
    func waitFor(seconds: Double, from index: Int = 0, _ matches: (String) -> Bool) -> Int? {
        let end = Date().addingTimeInterval(seconds)
        if let found = messages.indices.first(where: { $0 >= index && matches(messages[$0]) }) { return found }
        while Date() < end {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, remaining) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
            if messages.count - 1 >= index, matches(messages[messages.count - 1]) { return messages.count - 1 }
        }
        return nil
    }
}
