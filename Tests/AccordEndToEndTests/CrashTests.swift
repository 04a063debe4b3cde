import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import Synchronization
import XCTest

/// SIGKILL during concurrent appends, many times over: every acknowledged event is there after restart, the chain
/// verifies, and every request cut by the kill, retried with its request id, is recorded exactly once.
final class CrashTests: XCTestCase {
    /// ACCORD_CRASH_ITERATIONS: 30 in the suite, 1,000 in `make soak`.
    static var iterations: Int {
        ProcessInfo.processInfo.environment["ACCORD_CRASH_ITERATIONS"].flatMap(Int.init) ?? 30
    }

    func testAcknowledgedEventsSurviveSIGKILLAndCutRequestsRetryExactlyOnce() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let client = AccordClient(socketPath: ledger.socketPath)
        var generator = SystemRandomNumberGenerator()
        var totals = (acknowledged: 0, cut: 0, retriedAsNew: 0, retriedAsReplay: 0)
        var verifiedThrough: UInt64 = 0
        var previousHash: String?
        for iteration in 0..<Self.iterations {
            let attempts = RequestLedger()
            let writers = 4
            let killAfter = Int.random(in: 5...60, using: &generator)
            let daemon = ledger.daemon.process
            await withTaskGroup(of: Void.self) { tasks in
                for writer in 0..<writers {
                    tasks.addTask {
                        for index in 0..<10_000 {
                            let id = "i\(iteration)-w\(writer)-\(index)"
                            attempts.began(id)
                            do {
                                _ = try await client.send(
                                    path: "/v1/institutions",
                                    body: CrashTests.institution(id),
                                    requestID: "request-\(id)"
                                )
                                attempts.acknowledged(id)
                            } catch {
                                return
                            }
                        }
                    }
                }
                tasks.addTask {
                    _ = try? await Deadline.poll(seconds: 60, every: 1) { attempts.acknowledgedCount >= killAfter }
                    // Only a process not yet reaped: a reaped pid may already be another process's, or a thread's.
                    if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
                }
            }
            let exited = try await Deadline.poll(seconds: 30) { !ledger.daemon.process.isRunning }
            XCTAssertTrue(exited, "iteration \(iteration)")
            XCTAssertEqual(ledger.daemon.process.terminationReason, .uncaughtSignal, "killed, not stopped")
            ledger.daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
            try await ledger.daemon.start()

            // Each request that began but was not acknowledged is retried with its request id: recorded then, or
            // answered as a replay if it had reached the disk before the kill.
            let cut = attempts.cut
            for id in cut {
                let receipt = try client.decode(
                    CommandReceipt.self,
                    from: try await client.send(
                        path: "/v1/institutions",
                        body: CrashTests.institution(id),
                        requestID: "request-\(id)"
                    )
                )
                if receipt.replayed { totals.retriedAsReplay += 1 } else { totals.retriedAsNew += 1 }
            }
            // Every request of this iteration is now in the log exactly once, after what earlier ones verified.
            var counts: [String: Int] = [:]
            var next: UInt64? = verifiedThrough + 1
            while let from = next {
                let page = try await client.get(
                    "/v1/events",
                    query: [("from", String(from)), ("limit", "1000")],
                    as: EventPage.self
                )
                for logged in page.events {
                    XCTAssertEqual(logged.position, verifiedThrough + 1, "positions are gapless")
                    if let previousHash {
                        XCTAssertEqual(logged.previousHash, previousHash, "the chain links at \(logged.position)")
                    }
                    if case .institutionRegistered(let registered) = logged.event {
                        counts[registered.institutionID, default: 0] += 1
                    }
                    previousHash = logged.hash
                    verifiedThrough = logged.position
                }
                next = page.nextPosition
            }
            let acknowledged = attempts.acknowledgedIDs
            XCTAssertGreaterThanOrEqual(acknowledged.count, killAfter, "iteration \(iteration)")
            let lost = acknowledged.filter { counts[$0] != 1 }
            XCTAssertEqual(lost, [], "iteration \(iteration): acknowledged events missing or doubled")
            let notOnce = cut.filter { counts[$0] != 1 }
            XCTAssertEqual(notOnce, [], "iteration \(iteration): cut requests not recorded exactly once")
            XCTAssertEqual(counts.count, acknowledged.count + cut.count, "iteration \(iteration): nothing else")
            totals.acknowledged += acknowledged.count
            totals.cut += cut.count
            if !lost.isEmpty || !notOnce.isEmpty { break }
        }
        print(
            "crash test: \(Self.iterations) SIGKILLs, \(totals.acknowledged) acknowledged appends all present, \(totals.cut) cut requests retried (\(totals.retriedAsNew) recorded by the retry, \(totals.retriedAsReplay) already durable and replayed), each recorded exactly once"
        )
    }

    static func institution(_ id: String) -> RegisterInstitution {
        RegisterInstitution(institutionID: id, name: "Institution \(id)", country: "FR", kind: .university)
    }
}

/// Which requests the writers began and which the daemon acknowledged, collected from concurrent tasks.
final class RequestLedger: Sendable {
    private let state = Mutex<(began: [String], acknowledged: Set<String>)>(([], []))

    func began(_ id: String) {
        state.withLock { $0.began.append(id) }
    }

    func acknowledged(_ id: String) {
        state.withLock { _ = $0.acknowledged.insert(id) }
    }

    var acknowledgedCount: Int { state.withLock { $0.acknowledged.count } }
    var acknowledgedIDs: [String] { state.withLock { Array($0.acknowledged) } }
    var cut: [String] { state.withLock { state in state.began.filter { !state.acknowledged.contains($0) } } }
}
