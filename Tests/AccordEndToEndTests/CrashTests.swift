import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import Synchronization
import XCTest

/// SIGKILL during concurrent appends: every acknowledged event is there after restart, and the chain verifies.
final class CrashTests: XCTestCase {
    func testAcknowledgedEventsSurviveSIGKILLDuringConcurrentAppends() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let client = AccordClient(socketPath: ledger.socketPath)
        let acknowledged = AcknowledgedIDs()
        let writers = 6
        let pid = ledger.daemon.process.processIdentifier

        await withTaskGroup(of: Void.self) { tasks in
            for writer in 0..<writers {
                tasks.addTask {
                    for index in 0..<5_000 {
                        let id = "w\(writer)-\(index)"
                        let body = RegisterInstitution(
                            institutionID: id,
                            name: "Institution \(id)",
                            country: "FR",
                            kind: .university
                        )
                        do {
                            _ = try await client.send(path: "/v1/institutions", body: body)
                            acknowledged.append(id)
                        } catch {
                            return
                        }
                    }
                }
            }
            tasks.addTask {
                _ = try? await Deadline.poll(seconds: 120) { acknowledged.all.count >= 400 }
                kill(pid, SIGKILL)
            }
        }
        let exited = try await Deadline.poll(seconds: 30) { !ledger.daemon.process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertEqual(ledger.daemon.process.terminationReason, .uncaughtSignal, "the daemon was killed, not stopped")

        ledger.daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try await ledger.daemon.start()
        var present = Set<String>()
        var previousHash: String? = nil
        var expectedPosition: UInt64 = 1
        var next: UInt64? = 1
        while let from = next {
            let page = try await client.get(
                "/v1/events",
                query: [("from", String(from)), ("limit", "1000")],
                as: EventPage.self
            )
            for logged in page.events {
                XCTAssertEqual(logged.position, expectedPosition, "positions are gapless")
                if let previousHash {
                    XCTAssertEqual(logged.previousHash, previousHash, "the chain links at position \(logged.position)")
                }
                if case .institutionRegistered(let registered) = logged.event {
                    present.insert(registered.institutionID)
                }
                previousHash = logged.hash
                expectedPosition += 1
            }
            next = page.nextPosition
        }
        let acknowledgedIDs = acknowledged.all
        XCTAssertGreaterThanOrEqual(acknowledgedIDs.count, 400)
        let lost = acknowledgedIDs.filter { !present.contains($0) }
        XCTAssertEqual(lost, [], "acknowledged events missing after SIGKILL and restart")
    }
}

/// The ids the daemon acknowledged, collected from concurrent writers.
final class AcknowledgedIDs: Sendable {
    private let ids = Mutex<[String]>([])

    func append(_ id: String) {
        ids.withLock { $0.append(id) }
    }

    var all: [String] { ids.withLock { $0 } }
}
