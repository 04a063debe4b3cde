import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A follower that stops reading is told where to resume and disconnected; what it got before is whole.
final class SlowFollowerTests: XCTestCase {
    func testAFollowerThatStopsReadingIsToldWhereToResumeAndDisconnected() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"streamStallTimeoutMilliseconds": 3000}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        let client = AccordClient(socketPath: daemon.socketPath)
        // About 450 bytes a line: 800 events are more than a Unix socket's buffer holds.
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for writer in 0..<8 {
                tasks.addTask {
                    for index in 0..<100 {
                        let id = "w\(writer)-\(index)-with-a-longer-identifier-to-fill-the-socket"
                        let body = RegisterInstitution(
                            institutionID: id,
                            name: "Institution \(id)",
                            country: "FR",
                            kind: .university
                        )
                        _ = try await client.send(path: "/v1/institutions", body: body)
                    }
                }
            }
            try await tasks.waitForAll()
        }
        let descriptor = try ConnectionLimitTests.connect(daemon.socketPath)
        defer { close(descriptor) }
        let request = "GET /v1/events?from=1&follow=true HTTP/1.1\r\nHost: accordd\r\n\r\n"
        XCTAssertEqual(write(descriptor, request, request.utf8.count), request.utf8.count)
        let found = try await Deadline.poll(seconds: 60) { daemon.errors.contains("was too slow") }
        XCTAssertTrue(found, "the daemon finds the follower too slow:\n\(daemon.errors)")

        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        let lines = SlowFollowerTests.chunkedBody(of: received).split(separator: UInt8(ascii: "\n"))
        let events = lines.dropLast().compactMap { try? JSONCoding.decoder.decode(LoggedEvent.self, from: Data($0)) }
        let notice = try JSONCoding.decoder.decode(FollowNotice.self, from: Data(try XCTUnwrap(lines.last)))
        XCTAssertEqual(events.count, lines.count - 1, "every line before the notice is an event")
        XCTAssertEqual(events.map(\.position), Array(1..<notice.resumeFrom), "whole up to where it resumes")
        XCTAssertEqual(notice.code, "follower_too_slow")
        XCTAssertTrue(daemon.process.isRunning)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// The body of a chunked HTTP/1.1 answer: the chunks after the head, without their size lines.
    static func chunkedBody(of answer: [UInt8]) -> [UInt8] {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = answer.firstRange(of: separator)?.upperBound else { return [] }
        var body: [UInt8] = []
        var index = headEnd
        while let lineEnd = answer[index...].firstRange(of: Array("\r\n".utf8)) {
            guard let size = Int(String(decoding: answer[index..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
                size > 0, lineEnd.upperBound + size <= answer.count
            else { break }
            body += answer[lineEnd.upperBound..<lineEnd.upperBound + size]
            index = lineEnd.upperBound + size + 2
            guard index <= answer.count else { break }
        }
        return body
    }
}
