/// A stand-in for the daemon meeting a request with its idle timeout: on each connection it answers the first
/// request kept alive (announcing a long `Keep-Alive` timeout), then reads the next one and closes the connection
/// without answering, as a daemon does that closes an idle connection the moment a reused request arrives. It
/// records every request line it read, by connection.
final class DroppingServer: Sendable {
    private let listener: StandInListener

    init(socketPath: String) throws {
        listener = try StandInListener(socketPath: socketPath) { connection, record in
            var pending: [UInt8] = []
            guard let first = HTTPMessageReader.next(from: connection, pending: &pending) else { return }
            record(HTTPMessageReader.startLine(of: first))
            let answer =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\n{}"
            HTTPMessageReader.write(Array(answer.utf8), to: connection)
            if let second = HTTPMessageReader.next(from: connection, pending: &pending) {
                record(HTTPMessageReader.startLine(of: second))
            }
        }
    }

    var socketPath: String { listener.socketPath }

    /// The request lines read so far, one list per connection in the order they were accepted.
    var requests: [[String]] { listener.requests }

    func stop() {
        listener.stop()
    }
}
