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
        try await CrashTests.killRepeatedly(LedgerFixture(), iterations: Self.iterations)
    }

    /// The loop itself, on `ledger`'s daemon started with `daemonArguments` (a store, for instance) each time.
    static func killRepeatedly(
        _ ledger: LedgerFixture,
        daemonArguments: [String] = [],
        iterations: Int,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async throws {
        let newDaemon = {
            try DaemonProcess(
                socketPath: ledger.socketPath,
                dataDirectory: ledger.dataDirectory,
                extraArguments: daemonArguments
            )
        }
        ledger.daemon = try newDaemon()
        try await ledger.start()
        let client = AccordClient(socketPath: ledger.socketPath)
        var generator = SystemRandomNumberGenerator()
        var totals = (acknowledged: 0, cut: 0, retriedAsNew: 0, retriedAsReplay: 0)
        var verifiedThrough: UInt64 = 0
        var previousHash: String?
        for iteration in 0..<iterations {
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
                                attempts.acknowledged(id, try await CrashTests.register(id, client).events)
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
            XCTAssertTrue(exited, "iteration \(iteration)", file: file, line: line)
            XCTAssertEqual(
                ledger.daemon.process.terminationReason,
                .uncaughtSignal,
                "killed, not stopped",
                file: file,
                line: line
            )
            ledger.daemon = try newDaemon()
            try await ledger.daemon.start()

            // Each request that began but was not acknowledged is retried with its request id: recorded then, or
            // answered as a replay if it had reached the disk before the kill.
            let cut = attempts.cut
            for id in cut {
                let receipt = try await CrashTests.register(id, client)
                if receipt.replayed { totals.retriedAsReplay += 1 } else { totals.retriedAsNew += 1 }
            }
            // Every request of this iteration is now in the log exactly once, after what earlier ones verified.
            var counts: [String: Int] = [:]
            var logged: [String: LoggedEvent] = [:]
            var next: UInt64? = verifiedThrough + 1
            while let from = next {
                let page = try await client.get(
                    "/v1/events",
                    query: [("from", String(from)), ("limit", "1000")],
                    as: EventPage.self
                )
                for event in page.events {
                    XCTAssertEqual(event.position, verifiedThrough + 1, "positions are gapless", file: file, line: line)
                    if let previousHash {
                        XCTAssertEqual(
                            event.previousHash,
                            previousHash,
                            "the chain links at \(event.position)",
                            file: file,
                            line: line
                        )
                    }
                    if case .institutionRegistered(let registered) = event.event {
                        counts[registered.institutionID, default: 0] += 1
                        logged[registered.institutionID] = event
                    }
                    previousHash = event.hash
                    verifiedThrough = event.position
                }
                next = page.nextPosition
            }
            let acknowledged = attempts.acknowledgedIDs
            XCTAssertGreaterThanOrEqual(acknowledged.count, killAfter, "iteration \(iteration)", file: file, line: line)
            let lost = acknowledged.filter { counts[$0] != 1 }
            XCTAssertEqual(
                lost,
                [],
                "iteration \(iteration): acknowledged events missing or doubled",
                file: file,
                line: line
            )
            // Identical: the event at the acknowledged position, with the acknowledged hash (which covers every field).
            let altered = acknowledged.filter { id in
                attempts.receipt(id).map { $0.position == logged[id]?.position && $0.hash == logged[id]?.hash } != true
            }
            XCTAssertEqual(altered, [], "iteration \(iteration): not as acknowledged", file: file, line: line)
            let notOnce = cut.filter { counts[$0] != 1 }
            XCTAssertEqual(
                notOnce,
                [],
                "iteration \(iteration): cut requests not recorded exactly once",
                file: file,
                line: line
            )
            XCTAssertEqual(
                counts.count,
                acknowledged.count + cut.count,
                "iteration \(iteration): nothing else",
                file: file,
                line: line
            )
            totals.acknowledged += acknowledged.count
            totals.cut += cut.count
            if !lost.isEmpty || !altered.isEmpty || !notOnce.isEmpty { break }
        }
        print(
            "crash test: \(iterations) SIGKILLs, \(totals.acknowledged) acknowledged appends all present, \(totals.cut) cut requests retried (\(totals.retriedAsNew) recorded by the retry, \(totals.retriedAsReplay) already durable and replayed), each recorded exactly once"
        )
    }

    static func institution(_ id: String) -> RegisterInstitution {
        RegisterInstitution(institutionID: id, name: "Institution \(id)", country: "FR", kind: .university)
    }

    /// Registers the institution `id` with the request id the crash loop gives it, and returns the receipt.
    static func register(_ id: String, _ client: AccordClient) async throws -> CommandReceipt {
        try client.decode(
            CommandReceipt.self,
            from: try await client.send(
                path: "/v1/institutions",
                body: CrashTests.institution(id),
                requestID: "request-\(id)"
            )
        )
    }
}

/// Which requests the writers began and which the daemon acknowledged, collected from concurrent tasks.
final class RequestLedger: Sendable {
    /// The acknowledged requests with the event each one's receipt gave.
    private let state = Mutex<(began: [String], acknowledged: [String: LoggedEvent])>(([], [:]))

    func began(_ id: String) {
        state.withLock { $0.began.append(id) }
    }

    func acknowledged(_ id: String, _ events: [LoggedEvent]) {
        state.withLock { $0.acknowledged[id] = events.first }
    }

    var acknowledgedCount: Int { state.withLock { $0.acknowledged.count } }
    var acknowledgedIDs: [String] { state.withLock { Array($0.acknowledged.keys) } }
    func receipt(_ id: String) -> LoggedEvent? { state.withLock { $0.acknowledged[id] } }
    var cut: [String] { state.withLock { state in state.began.filter { state.acknowledged[$0] == nil } } }
}
