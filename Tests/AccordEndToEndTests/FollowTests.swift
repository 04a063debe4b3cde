import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `accord log --follow` while clients append and the daemon restarts: every position once, in order.
final class FollowTests: XCTestCase {
    func testFollowerGetsEveryPositionOnceAcrossTwoRestarts() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let outputPath = ledger.folder.file("follow.out")
        let follower = try SpawnedProcess(
            [BuiltProducts.client, "--socket", ledger.socketPath, "log", "--follow", "--from", "1", "--json"],
            outputPath: outputPath
        )
        defer { if follower.isRunning { kill(follower.processIdentifier, SIGKILL) } }
        let client = AccordClient(socketPath: ledger.socketPath)
        let acknowledged = AcknowledgedIDs()
        let total = 180
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for writer in 0..<8 {
                tasks.addTask {
                    var index = 0
                    while acknowledged.all.count < total {
                        let id = "w\(writer)-\(index)"
                        let body = RegisterInstitution(
                            institutionID: id,
                            name: "Institution \(id)",
                            country: "FR",
                            kind: .university
                        )
                        // Retried with the same request id through the restarts: recorded once either way.
                        let recorded = try await Deadline.poll(seconds: 60, every: 50) {
                            (try? await client.send(path: "/v1/institutions", body: body, requestID: id)) != nil
                        }
                        XCTAssertTrue(recorded, "\(id) was never recorded")
                        acknowledged.append(id)
                        index += 1
                    }
                }
            }
            for target in [60, 120] {
                _ = try await Deadline.poll(seconds: 120) { acknowledged.all.count >= target }
                try await ledger.restart()
            }
            try await tasks.waitForAll()
        }
        let head = try await client.get("/v1/status", as: StatusReport.self).head.position
        XCTAssertGreaterThanOrEqual(head, UInt64(total))
        var positions: [UInt64] = []
        let complete = try await Deadline.poll(seconds: 60) {
            positions = FollowTests.positions(in: outputPath)
            return positions.last ?? 0 >= head
        }
        XCTAssertTrue(complete, "the follower printed up to \(positions.last ?? 0), the head is \(head)")
        XCTAssertEqual(positions, Array(1...head), "each position exactly once, in order")
        XCTAssertTrue(follower.isRunning, "the follower keeps following after the restarts")
    }

    static func positions(in path: String) -> [UInt64] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{") else { return nil }
            return (try? JSONCoding.decoder.decode(LoggedEvent.self, from: Data(line.utf8)))?.position
        }
    }
}
