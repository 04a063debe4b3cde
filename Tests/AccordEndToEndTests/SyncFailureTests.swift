import AccordAPI
import AccordClient
import Foundation
import XCTest

/// A real EIO from fdatasync on the log, injected by strace into the real accordd: the daemon stops accepting
/// appends and exits with status 1 for a restart (systemd's Restart=on-failure), and the restart re-verifies the log
/// with every acknowledged event in it.
final class SyncFailureTests: XCTestCase {
    /// Installed by scripts/ensure-dependencies.sh.
    static let strace = "/usr/bin/strace"

    func testAnEIOFromFdatasyncStopsAppendsExitsOneAndTheRestartVerifiesEveryAcknowledgedEvent() async throws {
        try Self.requireStrace()
        let folder = try TemporaryFolder()
        let socketPath = folder.file("accord.sock")
        let dataDirectory = folder.file("data")
        let logPath = "\(dataDirectory)/ledger.log"

        var acknowledged: [String] = []
        let seeding = try DaemonProcess(socketPath: socketPath, dataDirectory: dataDirectory)
        try await seeding.start()
        for index in 0..<3 {
            let answer = try await Self.register("before-\(index)", socketPath: socketPath)
            XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
            acknowledged.append("before-\(index)")
        }
        let seedingStop = try await seeding.stop()
        XCTAssertEqual(seedingStop, 0, seeding.errors)

        // Each tracee counts its own calls: the writer thread makes one fdatasync of the log per group commit, so
        // from its third on every one fails with EIO, as a disk that loses a write would make it.
        let faulty = try DaemonProcess(
            socketPath: socketPath,
            dataDirectory: dataDirectory,
            launcher: [
                Self.strace, "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "-P", logPath,
                "-e", "trace=fdatasync", "-e", "inject=fdatasync:error=EIO:when=3+",
            ]
        )
        defer { Self.endChildren(of: faulty.process) }
        try await faulty.start()
        var refusal: (id: String, answer: HTTPAnswer)?
        for index in 0..<20 {
            let id = "under-fault-\(index)"
            let answer = try await Self.register(id, socketPath: socketPath)
            guard answer.status == 201 else {
                refusal = (id, answer)
                break
            }
            acknowledged.append(id)
        }
        let (refusedID, refused) = try XCTUnwrap(refusal, "an append fails once fdatasync fails")
        let refusedBody = String(decoding: refused.body, as: UTF8.self)
        XCTAssertEqual(refused.status, 503, refusedBody)
        XCTAssertTrue(refusedBody.contains("\"log_writer_failed\""), refusedBody)
        // Two here (one fdatasync per append); at least one, whatever the writer's rounds become.
        XCTAssertGreaterThan(acknowledged.count, 3, "appends before the failing fdatasync were acknowledged")

        // No append is accepted after the failure, whether the daemon still answers or has already closed.
        if let later = try? await Self.register("after-failure", socketPath: socketPath) {
            XCTAssertNotEqual(later.status, 201, String(decoding: later.body, as: UTF8.self))
            XCTAssertNotEqual(later.status, 200)
        }
        let exit = try await faulty.exitStatus(withinSeconds: 30)
        XCTAssertEqual(exit, 1, "a failed fdatasync stops the daemon with status 1, for systemd to restart it")
        XCTAssertTrue(
            faulty.errors.contains("the log writer failed; stopping so that the log is re-verified at the next start"),
            faulty.errors
        )
        XCTAssertTrue(faulty.errors.contains("fdatasync \(logPath) failed: Input/output error"), faulty.errors)

        let restarted = try DaemonProcess(socketPath: socketPath, dataDirectory: dataDirectory)
        try await restarted.start()
        XCTAssertTrue(restarted.errors.contains("log verified"), restarted.errors)
        let client = AccordClient(socketPath: socketPath)
        for id in acknowledged {
            let found = try await UnixSocketTransport(socketPath: socketPath).send(
                HTTPExchange(method: "GET", path: "/v1/institutions/\(id)")
            )
            XCTAssertEqual(found.status, 200, "acknowledged \(id) is there after the restart")
        }
        // The refused request never was acknowledged; retried with its request id it is recorded once, whether
        // or not its record had reached the disk.
        let retried = try await Self.register(refusedID, socketPath: socketPath)
        XCTAssertTrue([200, 201].contains(retried.status), String(decoding: retried.body, as: UTF8.self))
        let again = try await Self.register(refusedID, socketPath: socketPath)
        XCTAssertEqual(again.status, 200, "a replay")
        let status = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(status.head.position, UInt64(acknowledged.count + 1), "nothing lost, nothing twice")
        let stopped = try await restarted.stop()
        XCTAssertEqual(stopped, 0, restarted.errors)
    }

    private static func register(_ id: String, socketPath: String) async throws -> HTTPAnswer {
        let body = #"{"institutionID":"\#(id)","name":"Institution \#(id)","country":"FR","kind":"other"}"#
        return try await UnixSocketTransport(socketPath: socketPath).send(
            HTTPExchange(
                method: "POST",
                path: "/v1/institutions",
                headers: [("Idempotency-Key", "request-\(id)")],
                body: Array(body.utf8)
            )
        )
    }

    static func requireStrace() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: strace),
            "no \(strace): scripts/ensure-dependencies.sh installs it as root (apt-get install strace)"
        )
    }

    /// strace left running by a failed assertion would leave its accordd running too: end both, by their pids.
    static func endChildren(of tracer: Process) {
        guard tracer.isRunning else { return }
        for child in children(of: tracer) { kill(child, SIGKILL) }
        kill(tracer.processIdentifier, SIGKILL)
    }

    /// The processes a tracer started: accordd, which a signal must reach itself (strace only detaches on one).
    static func children(of tracer: Process) -> [Int32] {
        let pid = tracer.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }
    }
}
