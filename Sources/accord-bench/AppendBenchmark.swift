import AccordAPI
import AccordClient
import AccordDomain
import ArgumentParser
import Foundation
import Synchronization

/// Concurrent clients each record institutions through the socket; every answer is an acknowledged, fsynced event.
struct AppendBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Record events through a running accordd from concurrent clients; report throughput and latency.",
        discussion:
            "Each event is an institution registration with a fresh id, so the ledger grows by --clients × --commands events."
    )

    @Option(help: ArgumentHelp("The daemon's socket (default: as accord finds it).", valueName: "path"))
    var socket: String?
    @Option(help: "Concurrent clients (1 to 256).")
    var clients = 16
    @Option(help: "Commands per client (1 to 100000).")
    var commands = 500

    func validate() throws {
        guard (1...256).contains(clients) else { throw ValidationError("--clients must be between 1 and 256") }
        guard (1...100_000).contains(commands) else { throw ValidationError("--commands must be between 1 and 100000") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path =
            socket ?? environment["ACCORD_SOCKET"]
            ?? DefaultPlaces.ofCurrentUser(environment: environment).socketPath
        let client = AccordClient(socketPath: path)
        let before = try await client.get("/v1/status", as: StatusReport.self)
        let run = String(UInt64(Date().timeIntervalSince1970 * 1_000), radix: 36)
        let clock = ContinuousClock()
        let started = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { tasks in
            for clientIndex in 0..<clients {
                tasks.addTask {
                    var samples: [Double] = []
                    samples.reserveCapacity(commands)
                    for index in 0..<commands {
                        let id = "bench-\(run)-\(clientIndex)-\(index)"
                        let body = RegisterInstitution(
                            institutionID: id,
                            name: "Benchmark \(id)",
                            country: "FR",
                            kind: .other
                        )
                        let sent = clock.now
                        _ = try await client.send(path: "/v1/institutions", body: body)
                        let elapsed = clock.now - sent
                        samples.append(
                            Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
                        )
                    }
                    return samples
                }
            }
            return try await tasks.reduce(into: []) { $0 += $1 }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let after = try await client.get("/v1/status", as: StatusReport.self)
        let total = clients * commands
        print(
            "appended \(total) events with \(clients) clients in \(String(format: "%.2f", seconds)) s: \(Int(Double(total) / seconds)) events/s"
        )
        print("latency per command (send to fsynced answer): \(LatencySummary(latencies).line)")
        print("log head \(before.head.position) → \(after.head.position), \(after.logBytes) bytes")
    }
}
