import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking connection to a Unix socket, for `accord dial-stdio`, which only copies bytes between descriptors.
struct UnixSocketConnection {
    let descriptor: CInt

    init(path: String) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else {
            throw CommandFailure(
                code: .unreachable,
                message: "the socket path \(path) is longer than \(capacity - 1) bytes",
                exitCode: ExitStatus.unreachable
            )
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8)
            buffer[path.utf8.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw CommandFailure(
                code: .unreachable,
                message: "cannot create a socket (errno \(errno))",
                exitCode: ExitStatus.unreachable
            )
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CommandFailure(
                code: .unreachable,
                message:
                    "cannot connect to the daemon's socket \(path) (\(reason)); is accordd running on this machine?",
                exitCode: ExitStatus.unreachable
            )
        }
        self.descriptor = descriptor
    }

    /// Copies until end of input or an error on either side.
    static func copy(from source: CInt, to destination: CInt) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0, write(buffer[..<count], to: destination) else { return }
        }
    }

    /// Gives up a read or a write that waits longer than this.
    func limitWaits(milliseconds: Int) {
        var limit = timeval(tv_sec: milliseconds / 1_000, tv_usec: (milliseconds % 1_000) * 1_000)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(descriptor, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Writes all of `bytes`; false when the socket refused or timed out.
    func send(_ bytes: [UInt8]) -> Bool {
        UnixSocketConnection.write(bytes[...], to: descriptor)
    }

    /// Writes all of `bytes` to `descriptor`; false on an error or a timeout.
    private static func write(_ bytes: ArraySlice<UInt8>, to descriptor: CInt) -> Bool {
        var written = 0
        while written < bytes.count {
            let step = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written)
            }
            if step < 0, errno == EINTR { continue }
            guard step > 0 else { return false }
            written += step
        }
        return true
    }

    /// Reads until `isComplete` says the bytes so far are whole, the peer closes, an error or a timeout, or `limit`.
    func receive(limit: Int, isComplete: (Data) -> Bool) -> Data {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while received.count < limit, !isComplete(received) {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            received.append(contentsOf: buffer[..<count])
        }
        return received
    }
}
