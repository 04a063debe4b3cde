import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

/// An answer larger than the socket buffer arrives whole, also when the connection closes right after it.
final class LargeAnswerTests: XCTestCase {
    func testAFullPageOfTheLogArrivesWholeOnAClosingConnection() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let client = AccordClient(socketPath: ledger.socketPath)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for writer in 0..<4 {
                tasks.addTask {
                    for index in 0..<300 {
                        let id = "w\(writer)-\(index)"
                        let name = "Institution \(id) with a name long enough to make the page large"
                        _ = try await client.send(
                            path: "/v1/institutions",
                            body: RegisterInstitution(institutionID: id, name: name, country: "FR", kind: .university)
                        )
                    }
                }
            }
            try await tasks.waitForAll()
        }
        for attempt in 0..<10 {
            let page = try await client.get("/v1/events", query: [("limit", "1000")], as: EventPage.self)
            XCTAssertEqual(page.events.count, 1_000, "attempt \(attempt)")
            XCTAssertEqual(page.nextPosition, 1_001)
        }
        let log = try ledger.cli.run(["log", "--limit", "1200", "--json"])
        XCTAssertEqual(log.exitCode, 0, log.standardError)
        XCTAssertEqual(log.standardOutput.split(separator: "\n").count, 1_200)
    }
}
