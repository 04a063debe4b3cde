import AccordAPI
import AccordSystemd
import Foundation
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// When accordd cannot start for a reason a restart cannot cure (exit 65 or 78, `RestartPreventExitStatus=`) and
/// systemd passed it its socket, it answers the clients already queued there with that reason (503) before exiting.
///
/// Left queued, one client's connection makes the socket unit start the service again at once, five times within a
/// second, until the start limit takes the socket unit down (`service-start-limit-hit`): that client sees its
/// connection reset and every later one "no socket". Answered, each client learns why, and the socket keeps
/// listening, so the first request after the fix starts the daemon.
enum StartFailureAnswer {
    /// At most accordd.socket's `Backlog=` connections, and no longer than this in all: the exit must not wait on a
    /// client that never reads.
    static let maximumConnections = 128
    static let deadlineMilliseconds: Int64 = 2_000
    static let connectionTimeoutMicroseconds = 200_000
    /// A client's request is drained (up to this much) before closing: closing a Unix socket with unread bytes
    /// resets it, and the client would lose the answer.
    static let maximumDrainedBytes = 1 << 20

    static func answerQueuedClients(of listened: ListenedSockets?, refusal: DaemonError) async {
        guard refusal.exitCode == DaemonError.dataExitCode || refusal.exitCode == DaemonError.configurationExitCode,
            let listened, let descriptor = listened.socket(named: "accord") ?? listened.sockets.first?.fd
        else { return }
        let envelope = ErrorEnvelope(error: APIError(code: refusal.code, message: message(for: refusal)))
        guard let body = try? JSONCoding.encoder.encode(envelope) else { return }
        let head =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Array(head.utf8) + Array(body)
        // Blocking socket calls, kept off Swift's cooperative pool.
        _ = try? await NIOThreadPool.singleton.runIfActive { answerAll(on: descriptor, response: response) }
    }

    /// What a client is told when the start failed, by the server while it drains and by `answerQueuedClients`.
    static func message(for refusal: DaemonError) -> String {
        "accordd cannot start: \(refusal.message). See journalctl -u accordd; once it is fixed (accordd --check-config checks the configuration), the next request starts it"
    }

    private static func answerAll(on listeningDescriptor: Int32, response: [UInt8]) {
        let deadline = ContinuousClock.now + .milliseconds(deadlineMilliseconds)
        for _ in 0..<maximumConnections where ContinuousClock.now < deadline {
            var waiting = pollfd(fd: listeningDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 0) == 1 else { return }
            let connection = accept(listeningDescriptor, nil, nil)
            guard connection >= 0 else { return }
            answer(connection, response: response)
        }
    }

    private static func answer(_ connection: Int32, response: [UInt8]) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 0, tv_usec: connectionTimeoutMicroseconds)
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        _ = setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        let sent = response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == response.count else { return }
        _ = shutdown(connection, Int32(SHUT_WR))
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var drained = 0
        while drained < maximumDrainedBytes {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            drained += count
        }
    }
}
