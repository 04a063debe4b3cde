import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The listening side of the tests' stand-in servers: on a thread of its own it accepts one connection at a time and
/// hands it to `serve` with a function that records what the stand-in read on it; it closes each connection after.
final class StandInListener: Sendable {
    let socketPath: String
    private let listener: Int32
    private let received = Mutex<[[String]]>([])
    private let finished = Mutex(false)

    init(
        socketPath: String,
        serve: @escaping @Sendable (_ connection: Int32, _ record: (String) -> Void) -> Void
    ) throws {
        self.socketPath = socketPath
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let bound = UnixSocketAddress.with(socketPath) { bind(listener, $0, $1) }
        guard bound == 0, listen(listener, 8) == 0 else {
            close(listener)
            throw DaemonFailure(message: "cannot listen on \(socketPath): errno \(errno)")
        }
        let thread = Thread { [self] in accept(serve) }
        thread.start()
    }

    /// What was recorded so far, one list per connection in the order they were accepted.
    var requests: [[String]] { received.withLock { $0 } }

    /// Stops accepting; the accepting thread closes the listening socket.
    func stop() {
        finished.withLock { $0 = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func accept(_ serve: (_ connection: Int32, _ record: (String) -> Void) -> Void) {
        defer { close(listener) }
        while !finished.withLock({ $0 }) {
            let connection = Glibc.accept(listener, nil, nil)
            guard connection >= 0 else { return }
            // Not inherited by programs other tests start meanwhile (Glibc's module has no accept4).
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let index = received.withLock { received in
                received.append([])
                return received.count - 1
            }
            serve(connection) { line in received.withLock { $0[index].append(line) } }
            close(connection)
        }
    }
}
