import AccordServer

extension DaemonService {
    /// How long the connections accepted during a failed start have to send their request and read the reason.
    static let failedStartGraceMilliseconds: Int64 = 2_000

    /// A start that failed after the socket was listening: the clients already accepted are told why, then the
    /// server stops (the clients still queued on a socket systemd passed are answered by `StartFailureAnswer`).
    func stopServing(_ server: UnixSocketServer, _ serving: Task<Void, any Error>, gate: StartGate, refusal: DaemonError) async {
        gate.fail(code: refusal.code, message: StartFailureAnswer.message(for: refusal))
        server.stopAfterAnswering(graceMilliseconds: DaemonService.failedStartGraceMilliseconds)
        _ = try? await serving.value
    }
}
