import Foundation

/// A real AF_UNIX socket bound to a path, for the notification socket and the socket-activation tests.
final class UnixSocket {
    let fileDescriptor: Int32
    let path: String

    /// Binds a socket of `type` (SOCK_DGRAM or SOCK_STREAM) at `path`; a stream socket also listens.
    init(bindingTo path: String, type: Int32) throws {
        self.path = path
        self.fileDescriptor = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard self.fileDescriptor >= 0 else {
            throw TestFailure("socket failed: errno \(errno)")
        }
        let result = Self.withAddress(path) { bind(self.fileDescriptor, $0, $1) }
        guard result == 0 else {
            let error = errno
            close(self.fileDescriptor)
            throw TestFailure("bind \(path) failed: errno \(error)")
        }
        if type == Int32(SOCK_STREAM.rawValue), listen(self.fileDescriptor, 8) != 0 {
            let error = errno
            close(self.fileDescriptor)
            throw TestFailure("listen \(path) failed: errno \(error)")
        }
    }

    deinit {
        close(self.fileDescriptor)
    }

    /// Waits for one datagram, up to the deadline; nil when none came.
    func receiveDatagram(timeoutMilliseconds: Int) throws -> String? {
        guard try waitReadable(self.fileDescriptor, timeoutMilliseconds: timeoutMilliseconds) else {
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(self.fileDescriptor, &buffer, buffer.count, 0)
        guard count >= 0 else {
            throw TestFailure("recv failed: errno \(errno)")
        }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Connects a new stream socket to `path`; the caller closes it.
    static func connect(to path: String) throws -> Int32 {
        let client = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard client >= 0 else {
            throw TestFailure("socket failed: errno \(errno)")
        }
        let result = withAddress(path) { Foundation.connect(client, $0, $1) }
        guard result == 0 else {
            let error = errno
            close(client)
            throw TestFailure("connect \(path) failed: errno \(error)")
        }
        return client
    }

    static func withAddress<Result>(
        _ path: String,
        _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        precondition(bytes.count < MemoryLayout.size(ofValue: address.sun_path), "socket path too long: \(path)")
        withUnsafeMutableBytes(of: &address.sun_path) { pathBytes in
            pathBytes.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}

/// Polls `fileDescriptor` for input until the deadline; retries EINTR with the time that is left.
func waitReadable(_ fileDescriptor: Int32, timeoutMilliseconds: Int) throws -> Bool {
    let deadline = Date().addingTimeInterval(Double(timeoutMilliseconds) / 1000)
    while true {
        let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let result = poll(&descriptor, 1, remaining)
        if result > 0 {
            return true
        }
        if result == 0 {
            return false
        }
        guard errno == EINTR else {
            throw TestFailure("poll failed: errno \(errno)")
        }
    }
}
