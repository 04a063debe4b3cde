import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import Synchronization
import XCTest

/// The real engine on a simulated disk through many seeded steps: commands from several clients, fdatasync rounds
/// that fail, full disks, power cuts that lose unsynced writes or tear the last one, clean restarts. After every
/// restart, through the real log file's recovery, every acknowledged event is there and identical, nothing else is
/// half there, and the read models equal a rebuild from scratch.
///
/// `ACCORD_FAULT_SEEDS=N` runs seeds 1...N (default 200); `ACCORD_FAULT_SEED=S` runs only seed S, as a failure
/// prints it.
final class SimulatedFaultTests: XCTestCase {
    static let stepsPerSeed = 100

    func testAcknowledgedEventsSurviveEverySeededFault() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64] =
            environment["ACCORD_FAULT_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? Array(1...(environment["ACCORD_FAULT_SEEDS"].flatMap(UInt64.init) ?? 200))
        for seed in seeds {
            let failuresBefore = testRun?.failureCount ?? 0
            do {
                try await FaultSimulation(seed: seed).run(steps: SimulatedFaultTests.stepsPerSeed)
            } catch {
                XCTFail("seed \(seed): \(error)")
            }
            if (testRun?.failureCount ?? 0) > failuresBefore {
                XCTFail(
                    "seed \(seed) failed; reproduce with: ACCORD_FAULT_SEED=\(seed) swift test --filter SimulatedFaultTests"
                )
                return
            }
        }
    }
}

/// One seeded run. The driver issues one command at a time and waits until it reached the store (or was refused), so
/// that positions, and so the whole run, follow from the seed.
final class FaultSimulation {
    var random: SeededGenerator
    let folder: String
    var store: SimulatedDiskStore
    var engine: LedgerEngine
    /// Acknowledged events by position, as their receipts gave them.
    var acknowledged: [UInt64: StoredEvent] = [:]
    var commands: [Task<CommandOutcome, any Error>] = []
    let seed: UInt64

    init(seed: UInt64) async throws {
        self.seed = seed
        random = SeededGenerator(seed: seed)
        var template = Array("/tmp/accord-faults-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        folder = String(cString: created)
        store = SimulatedDiskStore(records: [])
        engine = try await LedgerEngine.open(store: store, dataDirectory: folder, clock: EngineFixture.clock)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func run(steps: Int) async throws {
        for _ in 0..<steps {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<60: try await issueCommand()
            case 60..<88: await round(fault: nil)
            case 88..<91: await round(fault: .fsyncFails)
            case 91..<93: await round(fault: .diskFull)
            case 93..<97: try await powerCut()
            default: try await cleanRestart()
            }
            // A failed store stops the daemon; it is restarted, losing what was not durable.
            if engine.failure != nil { try await powerCut() }
        }
        try await powerCut()
    }

    private func issueCommand() async throws {
        let author = Author(userID: UInt32(1000 + Int.random(in: 0..<3, using: &random)), name: "client")
        let institution = "i\(Int.random(in: 0..<12, using: &random))"
        let amends = Int.random(in: 0..<5, using: &random) == 0
        let command: Command =
            amends
            ? amendment(ofOneOf: acknowledged.keys.sorted())
            : Bool.random(using: &random)
                ? EngineFixture.institution(institution)
                : .registerSite(
                    RegisterSite(
                        siteID: "s\(Int.random(in: 0..<12, using: &random))",
                        institution: institution,
                        name: "Site",
                        country: "FR",
                        facilities: []
                    )
                )
        let requestID = Int.random(in: 0..<4, using: &random) == 0 ? "r\(Int.random(in: 0..<6, using: &random))" : nil
        let engine = self.engine
        let queuedBefore = store.enqueuedCount
        let answered = AnsweredFlag()
        let task = Task {
            defer { answered.set() }
            return try await engine.execute(CommandRequest(command: command, requestID: requestID, author: author))
        }
        commands.append(task)
        // Wait until the command reached the store or was answered (refused, or a repeated request id).
        let deadline = ContinuousClock.now + .seconds(10)
        while store.enqueuedCount == queuedBefore && !answered.isSet {
            guard ContinuousClock.now < deadline else { throw SimulationError("a command neither queued nor ended") }
            await Task.yield()
        }
    }

    /// A new name for an institution, or the retraction of an event, acknowledged at one of `positions`: the rules
    /// refuse some (an institution with sites, a correction, an event retracted already), and the history replay
    /// they need is made on the published state, which lags the commands queued since the last round.
    private func amendment(ofOneOf positions: [UInt64]) -> Command {
        let position = positions.isEmpty ? 1 : positions[Int.random(in: 0..<positions.count, using: &random)]
        if case .institutionRegistered(var registered) = acknowledged[position]?.recorded.event,
            Bool.random(using: &random)
        {
            registered.name = "Renamed \(Int.random(in: 0..<100, using: &random))"
            return .correctEvent(
                CorrectEvent(position: position, corrected: .institutionRegistered(registered), reason: "renamed")
            )
        }
        return .retractEvent(RetractEvent(position: position, reason: "never happened"))
    }

    /// A write+fdatasync round, then collect the answers it released.
    private func round(fault: SimulatedDiskStore.RoundFault?) async {
        store.synchronize(fault: fault, reachedDisk: fault != nil && Bool.random(using: &random))
        await collectAnswers()
    }

    private func collectAnswers() async {
        let tasks = commands
        commands = []
        for task in tasks {
            guard let outcome = try? await task.value, !outcome.replayed else { continue }
            for event in outcome.events { acknowledged[event.recorded.position] = event }
        }
    }

    private func powerCut() async throws {
        let (_, frames) = store.powerCut(
            tornBytes: Int.random(in: 0..<2, using: &random) * Int.random(in: 1..<200, using: &random)
        )
        await collectAnswers()
        try await restart(from: frames)
    }

    private func cleanRestart() async throws {
        try? engine.close()
        await collectAnswers()
        if store.status.failure?.code != LogErrorCode.closed {
            return try await powerCut()
        }
        let (_, frames) = store.powerCut(tornBytes: 0)
        try await restart(from: frames)
    }

    /// Writes what survived to a real log file and opens it as accordd would (a torn tail is set aside), checks it,
    /// then goes on with a fresh simulated disk holding the recovered records.
    private func restart(from frames: [UInt8]) async throws {
        let logPath = "\(folder)/\(LedgerEngine.logFileName)"
        try? FileManager.default.removeItem(atPath: logPath)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.contains(".torn")
        {
            try? FileManager.default.removeItem(atPath: "\(folder)/\(entry)")
        }
        let (writer, _) = try LogWriter.open(path: .init(logPath))
        try writer.close()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(frames))
        try handle.close()

        let recovered = try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
        let head = recovered.head
        let page = try await recovered.events(from: 1, limit: Int(head.position) + 1, filter: EventFilter())
        let records = page.events
        for (position, event) in acknowledged {
            guard position <= head.position, records[Int(position) - 1] == event else {
                throw SimulationError(
                    "acknowledged event \(position) is missing or altered after restart (head \(head.position))"
                )
            }
        }
        // The read models equal a rebuild from the records alone, and every record, amendments included, passes the
        // rules at its place: none was decided on a stale history replay.
        var rebuilt = LedgerState.initial
        for event in records {
            do throws(RecordedEventRefusal) {
                try rebuilt.checkRecorded(event.recorded, inStream: event.streamID)
            } catch {
                throw SimulationError("after a restart, \(error.message)")
            }
            rebuilt.evolve(event.recorded)
        }
        let views = recovered.read { ($0.institutions(), $0.sites()) }
        guard views.0 == rebuilt.institutions(), views.1 == rebuilt.sites() else {
            throw SimulationError("the read models after restart differ from a rebuild from the log")
        }
        try recovered.close()
        // Anything recovered that was not acknowledged is whole and in the chain; it counts as written from now on.
        for event in records { acknowledged[event.recorded.position] = event }
        store = SimulatedDiskStore(records: try await fileRecords(logPath, head: head))
        engine = try await LedgerEngine.open(store: store, dataDirectory: folder, clock: EngineFixture.clock)
    }

    private func fileRecords(_ path: String, head: ChainHead) async throws -> [Record] {
        try LogReader.open(path: .init(path)).records(from: 1, through: head, maximumCount: Int(head.position) + 1)
    }
}

final class AnsweredFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

struct SimulationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// SplitMix64: a small, fast generator whose whole sequence follows from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
