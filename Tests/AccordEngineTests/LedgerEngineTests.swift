import AccordDomain
import AccordEngine
import Foundation
import XCTest

/// Every engine test runs on the log file and on the memory store (`forEachStore`).
final class LedgerEngineTests: XCTestCase {
    func testAcceptedCommandsAreDurableAndReplayedAfterReopen() async throws {
        try await forEachStore { fixture in
            let first = try await fixture.execute(EngineFixture.institution("cnrs"))
            let second = try await fixture.execute(EngineFixture.institution("jrc"))
            XCTAssertEqual(first.events.map(\.recorded.position), [1])
            XCTAssertEqual(
                second.events.first?.previousHash,
                first.events.first?.hash,
                "each record chains to the one before"
            )
            XCTAssertEqual(second.events.first?.recorded.author, EngineFixture.author)
            let head = fixture.engine.head

            try await fixture.reopen()

            XCTAssertEqual(fixture.engine.head, head)
            XCTAssertEqual(fixture.engine.read { $0.institutions().map(\.institutionID) }, ["cnrs", "jrc"])
            let page = try await fixture.engine.events(from: 1, limit: 10, filter: EventFilter())
            XCTAssertEqual(
                page.events.map(\.recorded),
                (first.events + second.events).map(\.recorded),
                "replay rebuilds the same events, recorded times included"
            )
        }
    }

    func testARefusedCommandAppendsNothing() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let bytes = fixture.logBytes
            do throws(EngineError) {
                try await fixture.execute(EngineFixture.institution("cnrs"))
                XCTFail("a second institution with the same id must be refused")
            } catch {
                guard case .rejected(let rejection) = error.kind else { return XCTFail("\(error)") }
                XCTAssertEqual(rejection.code, "duplicate_id")
            }
            XCTAssertEqual(fixture.logBytes, bytes)
            XCTAssertEqual(fixture.engine.head.position, 1)
        }
    }

    func testAnExpectedVersionMismatchIsAConflict() async throws {
        try await forEachStore { fixture in
            do throws(EngineError) {
                try await fixture.execute(EngineFixture.institution("cnrs"), expectedVersion: 1)
                XCTFail("the stream institution/cnrs has no events yet")
            } catch {
                guard case .rejected(let rejection) = error.kind else { return XCTFail("\(error)") }
                XCTAssertEqual(rejection.kind, .conflict)
            }
            try await fixture.execute(EngineFixture.institution("cnrs"), expectedVersion: 0)
        }
    }

    func testConcurrentCommandsShareFdatasyncsAndGetGaplessPositions() async throws {
        try await forEachStore { fixture in
            let engine = fixture.engine
            let count = 300
            let positions = try await withThrowingTaskGroup(of: UInt64.self) { tasks in
                for index in 0..<count {
                    tasks.addTask {
                        let request = CommandRequest(
                            command: EngineFixture.institution("i\(index)"),
                            author: EngineFixture.author
                        )
                        return try await engine.execute(request).events[0].recorded.position
                    }
                }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(positions.sorted(), Array(1...UInt64(count)))
            XCTAssertEqual(engine.head.position, UInt64(count))
            if fixture.store == .file {
                XCTAssertLessThan(
                    engine.writerStatus.roundsCompleted,
                    UInt64(count),
                    "commands arriving together share an fdatasync"
                )
            }
            XCTAssertEqual(engine.read { $0.institutions().count }, count, "queries see every acknowledged event")
        }
    }

    func testARepeatedRequestIDReturnsTheFirstResultAlsoAfterReopen() async throws {
        try await forEachStore { fixture in
            let first = try await fixture.execute(EngineFixture.institution("cnrs"), requestID: "r-1")
            let repeated = try await fixture.execute(EngineFixture.institution("cnrs"), requestID: "r-1")
            XCTAssertFalse(first.replayed)
            XCTAssertTrue(repeated.replayed)
            XCTAssertEqual(repeated.events, first.events)

            try await fixture.reopen()
            let afterReopen = try await fixture.execute(EngineFixture.institution("cnrs"), requestID: "r-1")
            XCTAssertTrue(afterReopen.replayed)
            XCTAssertEqual(afterReopen.events, first.events)
            XCTAssertEqual(fixture.engine.head.position, 1)

            do throws(EngineError) {
                try await fixture.execute(EngineFixture.institution("jrc"), requestID: "r-1")
                XCTFail("the same request id with another body must be refused")
            } catch {
                XCTAssertEqual(error.kind, .requestIDReused)
                XCTAssertTrue(error.message.contains("r-1"))
            }
        }
    }

    func testAnInvalidRequestIDIsRefusedBeforeAnythingIsDecided() async throws {
        try await forEachStore { fixture in
            for invalid in ["", "has space", String(repeating: "x", count: 129)] {
                do throws(EngineError) {
                    try await fixture.execute(EngineFixture.institution("cnrs"), requestID: invalid)
                    XCTFail("request id \"\(invalid)\" must be refused")
                } catch {
                    XCTAssertEqual(error.kind, .invalidRequest(field: "requestID"))
                }
            }
            XCTAssertEqual(fixture.engine.head.position, 0)
        }
    }

    func testPersonalDataStaysOutOfTheChainBehindASaltedReference() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let registration = Command.registerPerson(
                RegisterPerson(personID: "p-0001", homeInstitution: "cnrs", unit: "SHS")
            )
            let outcome = try await fixture.execute(
                registration,
                personalData: PersonalData(name: "Camille Martin", email: "camille@example.org")
            )
            guard case .personRegistered(let registered) = outcome.events[0].recorded.event else {
                return XCTFail("\(outcome)")
            }
            let reference = try XCTUnwrap(registered.personalDataReference)
            XCTAssertTrue(reference.hasPrefix("sha256:"))
            XCTAssertEqual(
                fixture.engine.personalData(reference: reference),
                .present(PersonalData(name: "Camille Martin", email: "camille@example.org"))
            )
            let log = String(decoding: fixture.logBytes, as: UTF8.self)
            XCTAssertFalse(log.contains("Camille"), "no name in the hash-chained log")
            XCTAssertFalse(log.contains("camille@example.org"), "no e-mail in the hash-chained log")
            XCTAssertTrue(log.contains(reference))

            let again = try await fixture.execute(
                .registerPerson(RegisterPerson(personID: "p-0002", homeInstitution: "cnrs", unit: "SHS")),
                personalData: PersonalData(name: "Camille Martin", email: "camille@example.org")
            )
            guard case .personRegistered(let second) = again.events[0].recorded.event else {
                return XCTFail("\(again)")
            }
            XCTAssertNotEqual(
                second.personalDataReference,
                reference,
                "a random salt keeps equal data from giving equal references"
            )
        }
    }

    func testInvalidPersonalDataIsRefusedNamingTheField() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let registration = Command.registerPerson(
                RegisterPerson(personID: "p-0001", homeInstitution: "cnrs", unit: "SHS")
            )
            for (data, field) in [
                (PersonalData(name: "  "), "name"), (PersonalData(name: "Camille", email: "not an address"), "email"),
            ] {
                do throws(EngineError) {
                    try await fixture.execute(registration, personalData: data)
                    XCTFail("\(data) must be refused")
                } catch {
                    XCTAssertEqual(error.kind, .invalidRequest(field: field))
                }
            }
            XCTAssertEqual(fixture.engine.head.position, 1)
        }
    }

    func testEventPagesFilterAndSayWhereToGoOn() async throws {
        try await forEachStore { fixture in
            for index in 0..<5 { try await fixture.execute(EngineFixture.institution("i\(index)")) }
            let firstPage = try await fixture.engine.events(from: 1, limit: 2, filter: EventFilter())
            XCTAssertEqual(firstPage.events.map(\.recorded.position), [1, 2])
            XCTAssertEqual(firstPage.nextPosition, 3)
            let last = try await fixture.engine.events(from: 5, limit: 2, filter: EventFilter())
            XCTAssertEqual(last.events.map(\.recorded.position), [5])
            XCTAssertNil(last.nextPosition)
            let byStream = try await fixture.engine.events(
                from: 1,
                limit: 10,
                filter: EventFilter(streamID: "institution/i3")
            )
            XCTAssertEqual(byStream.events.map(\.recorded.position), [4])
            let byAuthor = try await fixture.engine.events(from: 1, limit: 10, filter: EventFilter(author: "1000"))
            XCTAssertEqual(byAuthor.events.count, 5)
            let byOther = try await fixture.engine.events(
                from: 1,
                limit: 10,
                filter: EventFilter(author: "someone-else")
            )
            XCTAssertEqual(byOther.events.count, 0)
            let beyond = try await fixture.engine.events(from: 6, limit: 10, filter: EventFilter())
            XCTAssertTrue(beyond.events.isEmpty)
        }
    }
}

final class PersonalDataErasureTests: XCTestCase {
    private func registerWithRequestID(_ fixture: EngineFixture, name: String) async throws(EngineError)
        -> CommandOutcome
    {
        try await fixture.execute(
            .registerPerson(RegisterPerson(personID: "p-0001", homeInstitution: "cnrs", unit: "SHS")),
            requestID: "r-person",
            personalData: PersonalData(name: name)
        )
    }

    func testARetryMustCarryTheSameNameUntilItIsErasedAndThenConfirmsNothing() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let first = try await registerWithRequestID(fixture, name: "Camille Martin")
            do throws(EngineError) {
                _ = try await registerWithRequestID(fixture, name: "Someone Else")
                XCTFail("another name under the same request id is another request")
            } catch {
                XCTAssertEqual(error.kind, .requestIDReused)
            }
            guard case .personRegistered(let registered) = first.events[0].recorded.event,
                let reference = registered.personalDataReference
            else { return XCTFail("\(first)") }
            let file = fixture.personalDataFile(of: reference)
            try FileManager.default.removeItem(atPath: file)
            try await fixture.reopen()

            XCTAssertEqual(fixture.engine.personalData(reference: reference), .erased)
            let guess = try await registerWithRequestID(fixture, name: "A Guess")
            XCTAssertTrue(guess.replayed, "after erasure the daemon cannot tell a right guess from a wrong one")
            let log = String(decoding: fixture.logBytes, as: UTF8.self)
            XCTAssertFalse(log.contains("Camille"))
        }
    }

    /// An erasure whose file could not be removed stays unfinished until a retry finishes it, also when the file
    /// has gone meanwhile (an operator removed it by hand): the health report does not stay unhealthy for ever.
    func testAnUnfinishedErasureIsFinishedByARetryOnceItsFileIsGone() async throws {
        let fixture = try await EngineFixture(.file)
        try await fixture.execute(EngineFixture.institution("cnrs"))
        let registered = try await registerWithRequestID(fixture, name: "Camille Martin")
        guard case .personRegistered(let person) = registered.events[0].recorded.event,
            let reference = person.personalDataReference
        else { return XCTFail("\(registered)") }
        let file = fixture.personalDataFile(of: reference)
        // A folder, not empty, in the file's place: its unlink fails (EISDIR), for root too.
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: "\(file)/kept", withIntermediateDirectories: true)
        try await fixture.execute(
            .erasePersonalData(ErasePersonalData(personID: "p-0001", reason: "asked", legalBasis: "GDPR art. 17"))
        )
        XCTAssertEqual(fixture.engine.unfinishedErasures.count, 1, "the removal failed and is kept as unfinished")
        XCTAssertEqual(fixture.engine.retryUnfinishedErasures(), [], "still there: still unfinished")
        XCTAssertEqual(fixture.engine.unfinishedErasures.count, 1)

        try FileManager.default.removeItem(atPath: file)
        XCTAssertEqual(fixture.engine.retryUnfinishedErasures(), [], "nothing left for the retry to remove")
        XCTAssertEqual(fixture.engine.unfinishedErasures, [], "finished once the file is gone and its folder synced")
    }

    /// The file is written before the engine's lock; a registration refused there, or a repeat of one, leaves
    /// no file behind, since no record refers to it.
    func testARefusedOrRepeatedRegistrationLeavesNoPersonalDataFile() async throws {
        try await forEachStore { fixture in
            let folder = "\(fixture.folder)/\(LedgerEngine.personalDataFolderName)"
            let files = { (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] }
            do throws(EngineError) {
                _ = try await registerWithRequestID(fixture, name: "Camille Martin")
                XCTFail("a person of an unknown institution is refused")
            } catch {
                guard case .rejected = error.kind else { return XCTFail("refused by a rule, not \(error)") }
            }
            XCTAssertEqual(files(), [], "the refused registration's file is removed")
            try await fixture.execute(EngineFixture.institution("cnrs"))
            _ = try await registerWithRequestID(fixture, name: "Camille Martin")
            let kept = files()
            XCTAssertEqual(kept.count, 1)
            let repeated = try await registerWithRequestID(fixture, name: "Camille Martin")
            XCTAssertTrue(repeated.replayed)
            XCTAssertEqual(files(), kept, "a repeat keeps the first file and no other")
        }
    }

    func testAPersonalDataFileThatDoesNotMatchItsReferenceIsDamagedNotShown() async throws {
        try await forEachStore { fixture in
            try await fixture.execute(EngineFixture.institution("cnrs"))
            let outcome = try await registerWithRequestID(fixture, name: "Camille Martin")
            guard case .personRegistered(let registered) = outcome.events[0].recorded.event,
                let reference = registered.personalDataReference
            else { return XCTFail("\(outcome)") }
            let file = fixture.personalDataFile(of: reference)
            try Data(#"{"data":{"name":"Impostor"},"salt":"00"}"#.utf8).write(to: URL(fileURLWithPath: file))
            guard case .damaged = fixture.engine.personalData(reference: reference) else {
                return XCTFail("a replaced file must not be shown as the person's data")
            }
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: file))
            guard case .damaged = fixture.engine.personalData(reference: reference) else {
                return XCTFail("an unreadable file is damage, not erasure")
            }
        }
    }
}
