import AccordServer

/// The server runs from before the replay (answering through a `StartGate`): this starts it and returns once its
/// socket accepts connections, or throws why it cannot listen, before a long replay is begun for nothing.
enum EarlyListening {
    static func start(_ server: UnixSocketServer) async throws -> Task<Void, any Error> {
        let (listening, signal) = AsyncStream<Void>.makeStream()
        let serving = Task {
            defer { signal.finish() }
            try await server.run { signal.yield() }
        }
        for await _ in listening { return serving }
        // The server ended before it listened: its error (socket in use, path too long) is the start's.
        try await serving.value
        return serving
    }
}
