import AccordServer
import Synchronization

/// The server runs from before the replay, answering through a `StartGate`. A socket accordd binds itself listens at
/// once, before a replay is begun for nothing when it cannot. A socket systemd passed queues its clients meanwhile,
/// so it is served only once the start has taken `inheritedDelay`: a start that ends sooner (a small log) serves as
/// it always did, and one that fails sooner leaves every client queued for `StartFailureAnswer`, which tells each why.
final class EarlyListening: Sendable {
    private enum State {
        case pending
        case serving(Task<Void, any Error>)
        case abandoned
    }

    static let inheritedDelay = Duration.seconds(1)

    private let server: UnixSocketServer
    private let state = Mutex(State.pending)

    private init(server: UnixSocketServer) {
        self.server = server
    }

    static func begin(_ server: UnixSocketServer, socket: ListeningSocket) async throws -> EarlyListening {
        let listening = EarlyListening(server: server)
        if case .inherited = socket {
            Task {
                try? await Task.sleep(for: inheritedDelay)
                _ = try? await listening.serve()
            }
        } else {
            _ = try await listening.serve()
        }
        return listening
    }

    /// The task running the server, started now if it was not yet; it returns once the socket accepts connections,
    /// or throws why it cannot listen. Nil after `abandon()`.
    @discardableResult
    func serve() async throws -> Task<Void, any Error>? {
        let (listening, signal) = AsyncStream<Void>.makeStream()
        let (serving, started) = state.withLock { state -> (Task<Void, any Error>?, Bool) in
            switch state {
            case .serving(let task): return (task, false)
            case .abandoned: return (nil, false)
            case .pending:
                let task = Task { [server] in
                    defer { signal.finish() }
                    try await server.run { signal.yield() }
                }
                state = .serving(task)
                return (task, true)
            }
        }
        guard let serving, started else { return serving }
        for await _ in listening { return serving }
        // The server ended before it listened: its error (socket in use, path too long) is the start's.
        try await serving.value
        return serving
    }

    /// The start failed: a server not started yet never will be; the one started, if any, is returned to be stopped.
    func abandon() -> Task<Void, any Error>? {
        state.withLock { state in
            switch state {
            case .serving(let task): return task
            case .pending, .abandoned:
                state = .abandoned
                return nil
            }
        }
    }
}
