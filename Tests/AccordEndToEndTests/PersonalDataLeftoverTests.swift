import AccordClient
import Foundation
import XCTest

/// A registration that records nothing leaves no personal-data file: refused by a rule, refused with its batch,
/// answered as a repeat of an earlier request (and on a full disk: DiskFullTests).
final class PersonalDataLeftoverTests: XCTestCase {
    func testARefusedRegistrationOrBatchLeavesNoPersonalDataFile() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let transport = UnixSocketTransport(socketPath: ledger.socketPath)
        let folder = "\(ledger.dataDirectory)/personal-data"
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }
        func post(_ path: String, _ body: String, requestID: String? = nil) async throws -> HTTPAnswer {
            try await transport.send(
                HTTPExchange(
                    method: "POST",
                    path: path,
                    headers: requestID.map { [("Idempotency-Key", $0)] } ?? [],
                    body: Array(body.utf8)
                )
            )
        }
        func person(_ id: String, home: String = "cnrs") -> String {
            #"{"personID":"\#(id)","homeInstitution":"\#(home)","unit":"u","name":"Person \#(id)"}"#
        }
        let before = try files()
        XCTAssertEqual(before.count, 1, "the partnership registers one person")

        let unknownHome = try await post("/v1/people", person("p-2", home: "nowhere"))
        XCTAssertEqual(unknownHome.status, 404, String(decoding: unknownHome.body, as: UTF8.self))
        let again = try await post("/v1/people", person("p-0001"))
        XCTAssertEqual(again.status, 409, "a person id registered before")
        let entries = [person("p-3"), person("p-4"), person("p-0001")].map {
            #"{"command":"person.register","body":\#($0)}"#
        }
        let batch = try await post("/v1/batch", #"{"commands":[\#(entries.joined(separator: ","))]}"#)
        XCTAssertEqual(batch.status, 409, String(decoding: batch.body, as: UTF8.self))
        XCTAssertEqual(try files(), before, "no refused registration leaves a file, not even those of its batch")

        let recorded = try await post("/v1/people", person("p-5"), requestID: "register-p-5")
        XCTAssertEqual(recorded.status, 201)
        let recordedFiles = try files()
        XCTAssertEqual(recordedFiles.count, 2)
        let repeated = try await post("/v1/people", person("p-5"), requestID: "register-p-5")
        XCTAssertEqual(repeated.status, 200, "a replay")
        XCTAssertEqual(try files(), recordedFiles, "a repeated request refers to the first one's file")
        XCTAssertFalse(recordedFiles.contains { $0.hasSuffix(".partial") })
    }

    /// A discarded file's removal is made durable: the folder is synced after the unlink, or a power cut could bring
    /// the file back. strace (`-y` names each descriptor's file) records the real daemon's calls.
    func testADiscardedPersonalDataFileIsRemovedDurably() async throws {
        try SyncFailureTests.requireStrace()
        let folder = try TemporaryFolder()
        let socketPath = folder.file("accord.sock")
        let trace = folder.file("calls.trace")
        let daemon = try DaemonProcess(
            socketPath: socketPath,
            dataDirectory: folder.file("data"),
            launcher: [
                SyncFailureTests.strace, "-f", "-qq", "-y", "--seccomp-bpf", "-o", trace,
                "-e", "trace=unlink,unlinkat,fsync",
            ]
        )
        defer { SyncFailureTests.endChildren(of: daemon.process) }
        try await daemon.start()
        let person = #"{"personID":"p-1","homeInstitution":"nowhere","unit":"u","name":"Person p-1"}"#
        let refused = try await UnixSocketTransport(socketPath: socketPath).send(
            HTTPExchange(method: "POST", path: "/v1/people", body: Array(person.utf8))
        )
        XCTAssertEqual(refused.status, 404, "an unknown home institution: its personal data is discarded")
        for child in SyncFailureTests.children(of: daemon.process) { kill(child, SIGTERM) }
        let stopped = try await daemon.exitStatus(withinSeconds: 30)
        XCTAssertEqual(stopped, 0, daemon.errors)

        let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        let removal = try XCTUnwrap(
            calls.lastIndex { $0.contains("unlink") && $0.contains("/personal-data/sha256-") },
            "the refused registration's file is removed\n\(calls.joined(separator: "\n"))"
        )
        let synced = calls[removal...].contains {
            $0.contains("fsync(") && $0.contains("/personal-data>") && $0.hasSuffix("= 0")
        }
        XCTAssertTrue(
            synced,
            "the folder is synced after the removal\n\(calls[removal...].joined(separator: "\n"))"
        )
    }
}
