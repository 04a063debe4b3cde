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
}
