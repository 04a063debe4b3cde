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
        discussion: """
            Each event is an institution registration with a fresh id (about 300 bytes in the log), so the ledger \
            grows by --clients × --commands × --batch events. With --batch N each request is one POST /v1/batch of N \
            commands. Latency is per request, from sending to the fsynced answer, in an HDR histogram.
            """
    )

    @Option(help: ArgumentHelp("The daemon's socket (default: as accord finds it).", valueName: "path"))
    var socket: String?
    @Option(help: "Concurrent clients (1 to 256).")
    var clients = 16
    @Option(help: "Requests per client (1 to 100000).")
    var commands = 500
    @Option(help: "Commands per request: 1 sends each to its own route, more sends them as one POST /v1/batch (1 to 1000).")
    var batch = 1
    @Flag(help: "Print one JSON object (events, seconds, events_per_second, latency_ms percentiles) instead of text.")
    var json = false

    func validate() throws {
        guard (1...256).contains(clients) else { throw ValidationError("--clients must be between 1 and 256") }
        guard (1...100_000).contains(commands) else { throw ValidationError("--commands must be between 1 and 100000") }
        guard (1...1_000).contains(batch) else { throw ValidationError("--batch must be between 1 and 1000") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path =
            socket ?? environment["ACCORD_SOCKET"]
            ?? DefaultPlaces.ofCurrentUser(environment: environment).socketPath
        let client = AccordClient(socketPath: path)
        let before = try await client.get("/v1/status", as: StatusReport.self)
        let run = String(UInt64(Date().timeIntervalSince1970 * 1_000), radix: 36)
        let (batch, commands, clients) = (self.batch, self.commands, self.clients)
        let route = batch == 1 ? "/v1/institutions" : BatchRoute.path
        let single = try BodyTemplate(AppendBenchmark.institution(BodyTemplate.placeholder))
        let entry = try BodyTemplate(
            BatchEntry(command: "institution.register", body: AppendBenchmark.institution(BodyTemplate.placeholder))
        )
        /// The body of request `index` of client `clientIndex`: one institution, or a batch of them.
        @Sendable func body(_ clientIndex: Int, _ index: Int) -> [UInt8] {
            let ids = (0..<batch).map { "bench-\(run)-\(clientIndex)-\(index)-\($0)" }
            guard batch > 1 else { return single.filled(with: ids[0]) }
            let entries = ids.map { entry.filled(with: $0) }
            let commands = Array(entries.joined(separator: [UInt8(ascii: ",")]))
            return Array(#"{"commands":["#.utf8) + commands + Array("]}".utf8)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let latencies = try await withThrowingTaskGroup(of: LatencySummary.self) { tasks in
            for clientIndex in 0..<clients {
                tasks.addTask {
                    var summary = LatencySummary()
                    for index in 0..<commands {
                        let json = body(clientIndex, index)
                        let sent = clock.now
                        _ = try await client.send(path: route, json: json)
                        let elapsed = clock.now - sent
                        summary.record(
                            microseconds: UInt64(elapsed.components.seconds) * 1_000_000
                                + UInt64(elapsed.components.attoseconds / 1_000_000_000_000)
                        )
                    }
                    return summary
                }
            }
            return try await tasks.reduce(into: LatencySummary()) { $0.add($1) }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let after = try await client.get("/v1/status", as: StatusReport.self)
        let total = clients * commands * batch
        let rate = Double(total) / seconds
        if json {
            let report: [String: Any] = [
                "events": total, "clients": clients, "batch": batch, "seconds": seconds,
                "events_per_second": rate, "requests": latencies.count, "latency_ms": latencies.report,
                "head_position": after.head.position,
            ]
            print(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]),
                    as: UTF8.self
                )
            )
            return
        }
        print(
            "appended \(total) events with \(clients) clients (\(batch) per request) in \(String(format: "%.2f", seconds)) s: \(Int(rate)) events/s"
        )
        print("latency per request (send to fsynced answer): \(latencies.line)")
        print("log head \(before.head.position) → \(after.head.position), \(after.logBytes) bytes")
    }

    static func institution(_ id: String) -> RegisterInstitution {
        RegisterInstitution(institutionID: id, name: "Benchmark \(id)", country: "FR", kind: .other)
    }
}
