import Foundation
import Synchronization
import XCTest

/// SIGTERM while connections open and close, some with half-sent requests: the daemon always stops with exit 0.
final class CleanStopTests: XCTestCase {
    /// ACCORD_CLEAN_STOP_ITERATIONS overrides the 50 runs.
    static var iterations: Int {
        ProcessInfo.processInfo.environment["ACCORD_CLEAN_STOP_ITERATIONS"].flatMap(Int.init) ?? 50
    }

    func testSIGTERMDuringConnectionChurnAlwaysExitsZero() async throws {
        let folder = try TemporaryFolder()
        let socketPath = folder.file("accord.sock")
        var exits: [Int32] = []
        for iteration in 0..<Self.iterations {
            let daemon = try DaemonProcess(socketPath: socketPath, dataDirectory: folder.file("data"))
            try await daemon.start()
            let churning = Atomic<Bool>(true)
            let churn = Thread {
                var round = 0
                while churning.load(ordering: .relaxed) {
                    round += 1
                    guard let connection = try? RawConnection(socketPath) else { continue }
                    switch round % 4 {
                    case 0: break  // opened and closed at once
                    case 1: connection.send("GET /v1/sta")  // half a request line
                    case 2: connection.send("POST /v1/institutions HTTP/1.1\r\nContent-Length: 90\r\n\r\n{\"inst")
                    default: connection.send("GET /v1/status HTTP/1.1\r\nHost: a\r\n\r\n")
                    }
                }
            }
            churn.start()
            // Held open across the signal: one silent, one stopped in the middle of its head.
            let silent = try RawConnection(socketPath)
            let partial = try RawConnection(socketPath)
            partial.send("POST /v1/people HTTP/1.1\r\nContent-Le")
            let status = try await daemon.stop()
            churning.store(false, ordering: .relaxed)
            while !churn.isFinished { try await Task.sleep(nanoseconds: 1_000_000) }
            _ = (silent, partial)
            XCTAssertEqual(status, 0, "iteration \(iteration): accordd should exit 0 on SIGTERM:\n\(daemon.errors)")
            XCTAssertEqual(daemon.process.terminationReason, .exit, "iteration \(iteration): ended by a signal")
            exits.append(status)
            if status != 0 { break }
        }
        XCTAssertEqual(exits.count, Self.iterations)
        print("clean stop: \(exits.filter { $0 == 0 }.count) of \(Self.iterations) SIGTERMs exited 0")
    }
}
