import AccordAPI
import AccordClient
import Foundation
import XCTest

/// The data folder on a small tmpfs, filled up: an append is refused with disk_full and the log cut back to its last
/// durable record, reads go on, the status (and systemd's STATUS=, read from a NOTIFY_SOCKET the test binds) says
/// so, and appends resume by themselves once space returns, which STATUS= says too.
final class DiskFullTests: XCTestCase {
    func testAFullFileSystemRefusesAppendsKeepsReadsAndResumesWhenSpaceReturns() async throws {
        try XCTSkipUnless(geteuid() == 0, "mounting a small tmpfs needs root")
        let folder = try TemporaryFolder()
        let mountPoint = folder.file("fs")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=2m,mode=0750", "tmpfs", mountPoint])
        defer { _ = try? Self.run("/bin/umount", ["-l", mountPoint]) }

        let notifications = try NotifyListener(path: folder.file("notify.sock"))
        let ledger = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: mountPoint,
            environment: ["NOTIFY_SOCKET": notifications.path]
        )
        try await ledger.start()
        let client = AccordClient(socketPath: ledger.socketPath)
        func register(_ id: String, name: String? = nil) async throws -> HTTPAnswer {
            let body =
                #"{"institutionID":"\#(id)","name":"\#(name ?? "Institution \(id)")","country":"FR","kind":"other"}"#
            return try await UnixSocketTransport(socketPath: ledger.socketPath).send(
                HTTPExchange(
                    method: "POST",
                    path: "/v1/institutions",
                    headers: [("Idempotency-Key", "request-\(id)")],
                    body: Array(body.utf8)
                )
            )
        }
        for index in 0..<3 {
            let answer = try await register("before-\(index)")
            XCTAssertEqual(answer.status, 201)
        }

        // Fill what is left of the file system.
        let filler = "\(mountPoint)/filler"
        _ = try? Self.run("/bin/dd", ["if=/dev/zero", "of=\(filler)", "bs=64k"])
        // The log's last page may still have room: append long records until one needs a page there is not.
        let logPath = "\(mountPoint)/ledger.log"
        let longName = String(repeating: "n", count: 1_900)
        var refusal = ""
        var refusedID: String?
        var recordedWhileFilling = 0
        for attempt in 0..<20 {
            let logBytes = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int)
            let answer = try await register("fill-\(attempt)", name: longName)
            guard answer.status == 503 else {
                XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
                recordedWhileFilling += 1
                continue
            }
            refusal = String(decoding: answer.body, as: UTF8.self)
            refusedID = "fill-\(attempt)"
            XCTAssertEqual(
                try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int,
                logBytes,
                "the log is cut back to its last durable record"
            )
            break
        }
        XCTAssertTrue(refusal.contains("\"disk_full\""), "an append on a full file system is refused: \(refusal)")
        // A registration refused there leaves no personal-data file (nor a partial one) behind.
        let personalData = "\(mountPoint)/personal-data"
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: personalData)
        let person = #"{"personID":"p-full","homeInstitution":"before-0","unit":"u","name":"Person"}"#
        let refusedPerson = try await UnixSocketTransport(socketPath: ledger.socketPath).send(
            HTTPExchange(method: "POST", path: "/v1/people", body: Array(person.utf8))
        )
        XCTAssertEqual(refusedPerson.status, 503)
        XCTAssertTrue(String(decoding: refusedPerson.body, as: UTF8.self).contains("\"disk_full\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: personalData), filesBefore)
        let listing = try await client.get("/v1/institutions")
        XCTAssertTrue(String(decoding: listing, as: UTF8.self).contains("before-2"), "reads go on")
        let status = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertNotNil(status.appendsRefused, "the status says appends are refused")
        XCTAssertEqual(status.health?.writer, "disk_full", "a writer refusing appends on a full disk is unhealthy")
        XCTAssertTrue(ledger.process.isRunning, "a full disk does not stop the daemon:\n\(ledger.errors)")
        let refusedStatus = notifications.waitFor(seconds: 10) {
            $0.contains("STATUS=serving") && $0.contains("appends refused: disk full")
        }
        XCTAssertNotNil(refusedStatus, "STATUS= says appends are refused: \(notifications.messages)")

        try FileManager.default.removeItem(atPath: filler)
        let retryID = try XCTUnwrap(refusedID)
        let resumed = try await Deadline.poll(seconds: 10) { try await register(retryID, name: longName).status == 201 }
        XCTAssertTrue(resumed, "appends resume once space returns, without a restart:\n\(ledger.errors)")
        let retried = try await register(retryID, name: longName)
        XCTAssertEqual(retried.status, 200, "the refused request, retried, is recorded once")
        let statusAfter = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertNil(statusAfter.appendsRefused)
        let clearedStatus = notifications.waitFor(seconds: 10, from: (refusedStatus ?? 0) + 1) {
            $0.contains("STATUS=serving") && !$0.contains("appends refused")
        }
        XCTAssertNotNil(clearedStatus, "STATUS= no longer says so once appends resume: \(notifications.messages)")
        XCTAssertNotEqual(statusAfter.health?.writer, "disk_full")

        let stopped = try await ledger.stop()
        XCTAssertEqual(stopped, 0, ledger.errors)
        let restarted = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: mountPoint)
        try await restarted.start()
        let after = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(
            after.head.position,
            UInt64(4 + recordedWhileFilling),
            "those before, those while filling, the refused one once retried: nothing torn, nothing lost"
        )
        XCTAssertFalse(restarted.errors.contains("torn"), restarted.errors)
        let restartedStop = try await restarted.stop()
        XCTAssertEqual(restartedStop, 0)
    }

    @discardableResult
    private static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DaemonFailure(
                message: "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"
            )
        }
        return process.terminationStatus
    }
}
