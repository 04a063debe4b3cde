import Foundation
import XCTest

/// `accord status` reports health and exits 4 when the daemon answers but cannot do its job.
final class HealthTests: XCTestCase {
    func testAHealthyDaemonExitsZero() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let status = try ledger.accord(["status"])
        XCTAssertEqual(Self.field("health", in: status.standardOutput), "ok", status.standardOutput)
        XCTAssertEqual(Self.field("writer", in: status.standardOutput), "ok", status.standardOutput)
    }

    /// A real file system of 8 MiB: far under the 100 MiB the daemon wants free.
    func testANearlyFullDiskIsUnhealthy() async throws {
        let folder = try TemporaryFolder()
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk])
        guard mount == 0 else { throw XCTSkip("mounting a small tmpfs needs root (mount exited \(mount))") }
        defer { _ = try? Self.run("/bin/umount", ["-l", disk]) }
        let socketPath = folder.file("accord.sock")
        let daemon = try DaemonProcess(socketPath: socketPath, dataDirectory: disk + "/data")
        try await daemon.start()
        let cli = CLIRunner(socketPath: socketPath)
        let status = try cli.run(["status"])
        XCTAssertEqual(status.exitCode, 4, status.standardOutput + status.standardError)
        XCTAssertEqual(Self.field("health", in: status.standardOutput), "UNHEALTHY", status.standardOutput)
        XCTAssertTrue(status.standardError.contains("nearly full"), status.standardError)
        let json = try cli.run(["status", "--json"])
        XCTAssertEqual(json.exitCode, 4, json.standardError)
        let health = (json.json as? [String: Any])?["health"] as? [String: Any]
        XCTAssertEqual((health?["problems"] as? [String])?.count, 1, json.standardOutput)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// The value of a `label  value` line.
    private static func field(_ label: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label + " ") }
            .map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
