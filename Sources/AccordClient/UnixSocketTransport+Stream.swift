import NIOCore
import NIOHTTP1

extension UnixSocketTransport {
    /// Longest line a streamed answer may hold (one event of the log is far smaller).
    static let maximumLineBytes = 4 * 1024 * 1024

    /// Sends a GET whose answer is streamed JSON Lines and hands each line over as it arrives, until the daemon ends
    /// the answer. Connecting is bounded by `timeoutSeconds`; the answer is not, since a followed log may stay quiet
    /// for any time.
    public func streamLines(
        _ exchange: HTTPExchange,
        onLine: @Sendable ([UInt8]) async throws(ClientError) -> Void
    ) async throws(ClientError) {
        let channel = try await connect()
        do {
            try await channel.executeThenClose { inbound, outbound in
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: "accordd")
                headers.add(name: "Connection", value: "close")
                let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: exchange.path, headers: headers)
                try await outbound.write(.head(head))
                try await outbound.write(.end(nil))
                var status = 0
                var pending: [UInt8] = []
                for try await part in inbound {
                    switch part {
                    case .head(let responseHead):
                        status = Int(responseHead.status.code)
                    case .body(let chunk):
                        pending.append(contentsOf: chunk.readableBytesView)
                        guard status < 400 else { continue }
                        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                            try await onLine(Array(pending[..<end]))
                            pending.removeSubrange(...end)
                        }
                        guard pending.count <= UnixSocketTransport.maximumLineBytes else {
                            throw ClientError(
                                kind: .protocolViolation,
                                code: "line_too_long",
                                message:
                                    "the daemon sent a line longer than \(UnixSocketTransport.maximumLineBytes) bytes"
                            )
                        }
                    case .end:
                        guard status < 400 else {
                            throw AccordClient.refusal(HTTPAnswer(status: status, body: pending), to: exchange)
                        }
                        return
                    }
                }
                throw ClientError(
                    kind: .unreachable,
                    code: "connection_closed",
                    message: "the daemon on \(place) closed the stream (it may be restarting)"
                )
            }
        } catch let error as ClientError {
            throw error
        } catch {
            throw ClientError(
                kind: .unreachable,
                code: "connection_broken",
                message: "the stream from the daemon on \(place) broke (\(error)); it may be restarting"
            )
        }
    }
}
