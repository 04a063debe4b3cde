import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection to the daemon kept open between requests: a task owns the channel for its lifetime and
/// answers one exchange at a time, in the order they were handed to it. It ends when the daemon answers
/// `Connection: close`, the connection breaks, or the connection is dropped.
final class KeptConnection: Sendable {
    struct Job: Sendable {
        let exchange: HTTPExchange
        let maximumResponseBytes: Int
        let answer: CheckedContinuation<KeptAnswer, any Error>
    }

    struct KeptAnswer: Sendable {
        let answer: HTTPAnswer
        /// Whether the daemon keeps the connection open for another request.
        let keepsAlive: Bool
    }

    let channel: any Channel
    private let jobs: AsyncStream<Job>.Continuation

    init(_ connection: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>) {
        channel = connection.channel
        let (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        jobs = continuation
        Task { await KeptConnection.serve(connection, jobs: stream, ending: continuation) }
    }

    deinit {
        jobs.finish()
    }

    /// Whether a new exchange may go on this connection: the daemon has not closed it meanwhile (idle timeout).
    var isOpen: Bool { channel.isActive }

    func exchange(_ exchange: HTTPExchange, maximumResponseBytes: Int) async throws -> KeptAnswer {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(exchange: exchange, maximumResponseBytes: maximumResponseBytes, answer: continuation)
            if case .terminated = jobs.yield(job) { continuation.resume(throwing: ChannelError.ioOnClosedChannel) }
        }
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>,
        jobs: AsyncStream<Job>,
        ending: AsyncStream<Job>.Continuation
    ) async {
        var current: Job?
        do {
            try await connection.executeThenClose { inbound, outbound in
                var parts = inbound.makeAsyncIterator()
                for await job in jobs {
                    current = job
                    let answer = try await answer(to: job, parts: &parts, outbound: outbound)
                    current = nil
                    job.answer.resume(returning: answer)
                    if !answer.keepsAlive { break }
                }
            }
        } catch {
            current?.answer.resume(throwing: error)
        }
        // Exchanges handed over after the end fail at once instead of waiting on a closed connection.
        ending.finish()
        for await job in jobs { job.answer.resume(throwing: ChannelError.ioOnClosedChannel) }
    }

    private static func answer(
        to job: Job,
        parts: inout NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    ) async throws -> KeptAnswer {
        let exchange = job.exchange
        // One write of the whole request: one flush, so the daemon reads it in one go.
        var request: [HTTPClientRequestPart] = [.head(UnixSocketTransport.requestHead(exchange))]
        if !exchange.body.isEmpty { request.append(.body(.byteBuffer(ByteBuffer(bytes: exchange.body)))) }
        request.append(.end(nil))
        try await outbound.write(contentsOf: request)
        var status = 0
        var keepsAlive = false
        var headers: [(name: String, value: String)] = []
        var body = ByteBuffer()
        while let part = try await parts.next() {
            switch part {
            case .head(let head):
                status = Int(head.status.code)
                keepsAlive = head.isKeepAlive
                headers = head.headers.map { ($0.name, $0.value) }
            case .body(var chunk):
                guard body.readableBytes + chunk.readableBytes <= job.maximumResponseBytes else {
                    throw UnixSocketTransport.tooLarge(job.maximumResponseBytes)
                }
                body.writeBuffer(&chunk)
            case .end:
                let answer = HTTPAnswer(status: status, body: Array(buffer: body), headers: headers)
                return KeptAnswer(answer: answer, keepsAlive: keepsAlive)
            }
        }
        throw ChannelError.eof
    }
}
