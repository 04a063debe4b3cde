import AccordDomain
import AccordEngine
import Foundation
import XCTest

final class BatchTests: XCTestCase {
    private func batch(_ commands: [Command]) -> [CommandRequest] {
        commands.map { CommandRequest(command: $0, author: EngineFixture.author) }
    }

    private static func site(_ id: String, of institution: String) -> Command {
        .registerSite(
            RegisterSite(siteID: id, institution: institution, name: "Site \(id)", country: "FR", facilities: [])
        )
    }

    func testABatchIsOneContiguousRangeAndLaterCommandsSeeEarlierOnes() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("jrc"))
            let outcome = try await fixture.engine.execute(
                batch: batch([EngineFixture.institution("cnrs"), BatchTests.site("saclay", of: "cnrs")]),
                requestID: "batch-1",
                author: EngineFixture.author
            )
            XCTAssertEqual(outcome.events.map(\.recorded.position), [2, 3])
            XCTAssertEqual(outcome.head.position, 3)
            XCTAssertEqual(fixture.engine.read { $0.sites().map(\.siteID) }, ["saclay"])
        }
    }

    func testARefusedCommandRefusesTheWholeBatch() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let bytes = fixture.logBytes
            do throws(EngineError) {
                _ = try await fixture.engine.execute(
                    batch: batch([EngineFixture.institution("jrc"), EngineFixture.institution("cnrs")]),
                    requestID: nil,
                    author: EngineFixture.author
                )
                XCTFail("the second command repeats an id")
            } catch {
                guard case .rejected(let rejection) = error.kind else { return XCTFail("\(error)") }
                XCTAssertEqual(rejection.code, "duplicate_id")
                XCTAssertTrue(error.message.hasPrefix("command 2 of 2 was refused"), error.message)
            }
            XCTAssertEqual(fixture.logBytes, bytes, "nothing of the batch was appended")
            XCTAssertEqual(fixture.engine.read { $0.institutions().map(\.institutionID) }, ["cnrs"])
            try await fixture.execute(EngineFixture.institution("jrc"))
        }
    }

    func testABatchIsIdempotentAsAWholeAlsoAfterAReopen() async throws {
        try await forEachStore { fixture in
            let commands = batch([EngineFixture.institution("cnrs"), EngineFixture.institution("jrc")])
            let first = try await fixture.engine.execute(batch: commands, requestID: "b", author: EngineFixture.author)
            try await fixture.reopen()
            let again = try await fixture.engine.execute(batch: commands, requestID: "b", author: EngineFixture.author)
            XCTAssertTrue(again.replayed)
            XCTAssertEqual(again.events, first.events)
            do throws(EngineError) {
                _ = try await fixture.engine.execute(
                    batch: Array(commands.prefix(1)),
                    requestID: "b",
                    author: EngineFixture.author
                )
                XCTFail("another batch under the same request id is another request")
            } catch {
                XCTAssertEqual(error.kind, .requestIDReused)
            }
        }
    }

    func testABatchHasALimitAndIsNotEmpty() async throws {
        try await forEachStore { fixture in
            let tooMany = batch(
                (0...LedgerEngine.maximumBatchCommands).map { EngineFixture.institution("i\($0)") }
            )
            for (commands, code) in [(tooMany, "batch_too_large"), ([], "batch_empty")] {
                do throws(EngineError) {
                    _ = try await fixture.engine.execute(batch: commands, requestID: nil, author: EngineFixture.author)
                    XCTFail("\(code) expected")
                } catch {
                    XCTAssertEqual(error.code, code)
                    XCTAssertEqual(error.kind, .invalidRequest(field: "commands"))
                }
            }
            XCTAssertEqual(fixture.engine.head.position, 0)
        }
    }
}
