import AccordDomain
import AccordLog
import Foundation
import SystemPackage
import XCTest

/// A start with many events tells systemd how far it is and asks for more time, before READY=1.
final class LongStartTests: XCTestCase {
    func testALongStartReportsProgressAndExtendsTheStartTimeout() async throws {
        let folder = try TemporaryFolder()
        let dataDirectory = folder.file("data")
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let (writer, _) = try LogWriter.open(path: FilePath("\(dataDirectory)/ledger.log"))
        let count = 25_000
        for batch in stride(from: 0, to: count, by: 1_000) {
            let drafts = try (batch..<batch + 1_000).map { index in
                let event = Event.institutionRegistered(
                    InstitutionRegistered(
                        institutionID: "i\(index)",
                        name: "Institution \(index)",
                        country: "FR",
                        kind: .university
                    )
                )
                return RecordDraft(
                    recordedAtMicroseconds: 1_767_657_600_000_000,
                    authorUserID: 0,
                    authorName: "root",
                    eventType: event.typeName,
                    streamID: event.streamID,
                    payload: Array(try event.encodedPayload())
                )
            }
            _ = try await writer.append(drafts)
        }
        try writer.close()

        let listener = try NotifyListener(path: folder.file("notify.sock"))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: dataDirectory,
            environment: ["NOTIFY_SOCKET": listener.path]
        )
        try daemon.process.run()
        XCTAssertTrue(listener.waitFor("READY=1", seconds: 120), "\(listener.messages)\n\(daemon.errors)")
        let beforeReady = listener.messages.prefix { !$0.contains("READY=1") }
        XCTAssertTrue(beforeReady.contains { $0.contains(", 10000 events replayed") }, "\(beforeReady)")
        XCTAssertTrue(beforeReady.contains { $0.contains("STATUS=verifying the log") }, "\(beforeReady)")
        XCTAssertTrue(beforeReady.contains { $0.contains("EXTEND_TIMEOUT_USEC=60000000") }, "\(beforeReady)")
        let status = try CLIRunner(socketPath: daemon.socketPath).run(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, count)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }
}
