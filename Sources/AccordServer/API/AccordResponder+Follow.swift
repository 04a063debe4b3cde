import AccordAPI
import AccordEngine
import NIOCore
import NIOHTTP1

extension AccordResponder {
    /// `GET /v1/events?follow=true`: the events from `from` (by default the next one to be recorded) as JSON Lines,
    /// then each new one as soon as it is durable, in position order, each once. The stream has no end of its own.
    func follow(_ parameters: QueryParameters, path: String) throws -> HTTPResponse {
        let filter = try AccordResponder.eventFilter(parameters)
        let start = try parameters.position("from") ?? engine.head.position + 1
        try parameters.refuseUnread(method: .GET, path: path)
        let limit = maximumFollowers()
        guard followers.enter(limit: limit) else {
            throw APIFailure(
                status: .serviceUnavailable,
                code: "too_many_followers",
                message:
                    "the daemon already serves \(limit) followers of the log; retry later, or read pages with GET /v1/events"
            )
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-ndjson")
        let stream = ResponseStream { [self] writer in
            defer { followers.leave() }
            try await streamEvents(from: start, filter: filter, to: writer)
        }
        return HTTPResponse(status: .ok, headers: headers, stream: stream)
    }

    private func streamEvents(from start: UInt64, filter: EventFilter, to writer: ResponseBodyWriter) async throws {
        var next = start
        while !Task.isCancelled {
            let head = engine.head
            guard next <= head.position else {
                _ = await engine.waitForEvents(beyond: head.position)
                continue
            }
            let page: (events: [StoredEvent], nextPosition: UInt64?)
            do {
                page = try await engine.events(from: next, through: head, limit: 1_000, filter: filter)
            } catch {
                throw APIFailure(error)
            }
            next = page.nextPosition ?? head.position + 1
            guard let last = page.events.last else { continue }
            var chunk = ByteBuffer()
            for event in page.events {
                chunk.writeBytes(try JSONCoding.encoder.encode(AccordResponder.loggedEvent(event)))
                chunk.writeInteger(UInt8(ascii: "\n"))
            }
            let notice = FollowNotice(
                resumeFrom: last.recorded.position + 1,
                code: "follower_too_slow",
                message:
                    "this follower did not read for too long and was disconnected; follow again from position \(last.recorded.position + 1)"
            )
            var noticeLine = ByteBuffer(bytes: try JSONCoding.encoder.encode(notice))
            noticeLine.writeInteger(UInt8(ascii: "\n"))
            let logger = self.logger
            let taken = try await writer.write(chunk, orIfTooSlow: noticeLine) {
                logger.info(
                    "a follower of the log was too slow; told to resume and disconnected",
                    metadata: ["resume_from": "\(notice.resumeFrom)"]
                )
            }
            guard taken else { return }
        }
    }
}
