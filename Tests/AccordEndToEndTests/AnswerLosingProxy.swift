import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in in front of a real daemon that loses the answer to a command sent again on its kept connection. On its
/// first connection it answers the first request `503 starting`, kept alive (as a daemon still replaying its log
/// does), so that the client sends it again there; that second one it hands to the daemon, which records it, and
/// closes the connection without passing the answer on. Every later connection it relays to the daemon, request by
/// request. It records the head of every request it read, by connection.
final class AnswerLosingProxy: Sendable {
    private let listener: StandInListener

    init(socketPath: String, daemonSocketPath: String) throws {
        let first = Mutex(true)
        listener = try StandInListener(socketPath: socketPath) { connection, record in
            let losing = first.withLock { first in
                defer { first = false }
                return first
            }
            AnswerLosingProxy.relay(connection, to: daemonSocketPath, losing: losing, record: record)
        }
    }

    var socketPath: String { listener.socketPath }

    /// The heads of the requests read so far, one list per connection in the order they were accepted.
    var requests: [[String]] { listener.requests }

    func stop() {
        listener.stop()
    }

    static let startingAnswer: [UInt8] = {
        let body =
            #"{"error":{"code":"starting","message":"accordd is starting (a stand-in)","progress":{"phase":"opening","unit":"bytes","completed":0,"total":0,"eventsReplayed":0,"percent":0,"elapsedSeconds":0}}}"#
        let head =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\nRetry-After: 1\r\n\r\n"
        return Array((head + body).utf8)
    }()

    /// Passes each request of `connection` to the daemon and its answer back, but for the first two requests when
    /// `losing`: the first is answered `starting`, the second's answer is lost with the connection.
    private static func relay(
        _ connection: Int32,
        to daemonSocketPath: String,
        losing: Bool,
        record: (String) -> Void
    ) {
        let daemon = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(daemon) }
        guard UnixSocketAddress.with(daemonSocketPath, { connect(daemon, $0, $1) }) == 0 else { return }
        var pending: [UInt8] = []
        var daemonPending: [UInt8] = []
        var count = 0
        while let request = HTTPMessageReader.next(from: connection, pending: &pending) {
            record(HTTPMessageReader.head(of: request))
            count += 1
            if losing && count == 1 {
                HTTPMessageReader.write(startingAnswer, to: connection)
                continue
            }
            guard HTTPMessageReader.write(request, to: daemon),
                let answer = HTTPMessageReader.next(from: daemon, pending: &daemonPending)
            else { return }
            if losing { return }
            HTTPMessageReader.write(answer, to: connection)
        }
    }
}
