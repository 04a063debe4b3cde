import NIOCore
import NIOHTTP1
import Synchronization

/// Writes the chunks of a streamed response. What a peer has not read yet is bounded: the kernel's socket buffer
/// plus the chunk being written. A chunk the peer does not take within the stall timeout marks the peer as too
/// slow: the writer queues a last chunk (the notice, which the peer reads after everything before it if it ever
/// reads again), ends the response and closes the connection.
public final class ResponseBodyWriter: Sendable {
    private let channel: any Channel
    private let stallTimeout: TimeAmount
    private let stalled = Atomic<Bool>(false)

    init(channel: any Channel, stallTimeout: TimeAmount) {
        self.channel = channel
        self.stallTimeout = stallTimeout
    }

    /// Writes `chunk`; returns false, having queued `notice` and closed, if the peer did not take it in time.
    /// `onStall` runs when the peer is found too slow (the write itself returns only once the peer reads again or
    /// the connection is dropped).
    public func write(
        _ chunk: ByteBuffer,
        orIfTooSlow notice: ByteBuffer,
        onStall: @escaping @Sendable () -> Void = {}
    ) async throws -> Bool {
        let channel = self.channel
        let watchdog = channel.eventLoop.scheduleTask(in: stallTimeout) {
            self.stalled.store(true, ordering: .sequentiallyConsistent)
            onStall()
            channel.write(HTTPServerResponsePart.body(.byteBuffer(notice)), promise: nil)
            channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
            // Pending chunks are flushed if the peer reads again; a peer that never does is dropped a timeout later.
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: self.stallTimeout) { channel.close(promise: nil) }
        }
        defer { watchdog.cancel() }
        try await channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(chunk))).get()
        return !isClosedForSlowness
    }

    /// Whether the peer was found too slow; nothing more may be written then.
    public var isClosedForSlowness: Bool { stalled.load(ordering: .sequentiallyConsistent) }

    func writeHead(_ head: HTTPResponseHead) async throws {
        try await channel.writeAndFlush(HTTPServerResponsePart.head(head)).get()
    }

    /// Ends the response and closes the connection once everything written reached the kernel.
    func finish() async {
        if !isClosedForSlowness {
            try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil)).get()
        }
        // Shutting the output down completes only once every pending write reached the kernel; closing at once
        // would drop what a full socket buffer still holds.
        try? await channel.close(mode: .output).get()
        try? await channel.close().get()
    }
}
