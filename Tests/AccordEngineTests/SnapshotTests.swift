import AccordDomain
import AccordEngine
import Foundation
import XCTest

/// `ledger.snapshot`: written at a clean close and every N events, used at start only when it checks out against
/// the log, and set aside (with the reason) otherwise, the read models then rebuilt from the log.
final class SnapshotTests: XCTestCase {
    private static let author = Author(userID: 1000, name: "camille")

    private func folder() throws -> String {
        var template = Array("/tmp/accord-snapshot-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let folder = String(cString: created)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    private func open(_ folder: String, interval: UInt64 = LedgerEngine.defaultSnapshotInterval) throws
        -> LedgerEngine
    {
        try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, snapshotInterval: interval) { _ in }
    }

    /// Records institutions `prefix-first` through `prefix-last`, the last one with a request id.
    private func record(_ engine: LedgerEngine, _ prefix: String, _ range: ClosedRange<Int>) async throws {
        for index in range {
            let command = EngineFixture.institution("\(prefix)-\(index)")
            let requestID = index == range.upperBound ? "\(prefix)-request-\(index)" : nil
            _ = try await engine.execute(CommandRequest(command: command, requestID: requestID, author: Self.author))
        }
    }

    private func snapshotPath(_ folder: String) -> String { "\(folder)/ledger.snapshot" }

    /// What the models say, to compare a start from a snapshot with a rebuild from the log.
    private func models(_ engine: LedgerEngine) -> [String] {
        engine.read { state in
            state.institutions().map { institution in
                let stream = "institution/" + institution.institutionID
                return "\(institution.institutionID) \(institution.name) \(state.streamVersion(stream))"
            }
        }
    }

    /// The models a start from the log alone gives, in a copy of the folder without the snapshot.
    private func rebuilt(_ folder: String) throws -> [String] {
        let copy = try self.folder()
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        try? FileManager.default.removeItem(atPath: snapshotPath(copy))
        let engine = try open(copy)
        defer { try? engine.close() }
        XCTAssertEqual(engine.snapshotOutcome, .none)
        return models(engine)
    }

    func testACleanCloseWritesASnapshotThatTheNextStartUsesReplayingOnlyTheTail() async throws {
        let folder = try folder()
        var engine = try open(folder)
        XCTAssertEqual(engine.snapshotOutcome, .none)
        try await record(engine, "a", 1...5)
        try engine.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: snapshotPath(folder))
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        engine = try open(folder)
        XCTAssertEqual(engine.snapshotOutcome, .used(position: 5))
        XCTAssertEqual(engine.head.position, 5)
        // The request-id index came back from the snapshot: the same request is answered, not recorded again.
        let repeated = try await engine.execute(
            CommandRequest(command: EngineFixture.institution("a-5"), requestID: "a-request-5", author: Self.author)
        )
        XCTAssertTrue(repeated.replayed)
        try await record(engine, "b", 1...3)
        try engine.close()

        engine = try open(folder)
        XCTAssertEqual(engine.snapshotOutcome, .used(position: 8))
        XCTAssertEqual(models(engine), try rebuilt(folder))
        XCTAssertEqual(models(engine).count, 8)
        try engine.close()
    }

    /// The snapshot holds the read models only: a start from it rebuilds the history and the indexes from the log's
    /// records, so what reads them (a correction of an event before the snapshot, the stream versions, the state as
    /// of a position before it) answers as after a replay of the whole log.
    func testAStartFromASnapshotRebuildsTheHistoryAndTheIndexesFromTheLog() async throws {
        let folder = try folder()
        var engine = try open(folder)
        try await record(engine, "a", 1...5)
        try engine.close()
        let snapshot = try XCTUnwrap(FileManager.default.contents(atPath: snapshotPath(folder)))
        let body = String(decoding: snapshot, as: UTF8.self)
        for index in ["recordedEvents", "entityIndex", "streamVersion"] {
            XCTAssertNil(body.range(of: index), "no \(index) in the file: the start rebuilds it")
        }

        engine = try open(folder)
        defer { try? engine.close() }
        XCTAssertEqual(engine.snapshotOutcome, .used(position: 5))
        XCTAssertEqual(engine.read { state in (1...5).map { state.recordedEvent(at: $0)?.position } }, [1, 2, 3, 4, 5])
        let renamed = InstitutionRegistered(institutionID: "a-2", name: "Renamed", country: "FR", kind: .university)
        let correction = Command.correctEvent(
            CorrectEvent(position: 2, corrected: .institutionRegistered(renamed), reason: "Its name changed")
        )
        _ = try await engine.execute(CommandRequest(command: correction, author: Self.author))
        XCTAssertTrue(models(engine).contains("a-2 Renamed 2"), "\(models(engine))")
        XCTAssertEqual(models(engine), try rebuilt(folder))
        XCTAssertEqual(
            engine.read { $0.asOf(position: 3).institutions().map(\.name) },
            ["Institution a-1", "Institution a-2", "Institution a-3"]
        )
        // The restored events' times are known: a time before the first is refused, not taken for a later position.
        let names = AsOfParameterNames(position: "asOfPosition", recordedAt: "asOfTime")
        let beforeTheFirst = EngineFixture.clock().addingTimeInterval(-1)
        XCTAssertThrowsError(try engine.read(asOf: .recordedAt(beforeTheFirst), parameters: names)) { error in
            XCTAssertEqual((error as? EngineError)?.code, "as_of_before_first_event", "\(error)")
        }
    }

    func testASnapshotIsWrittenEveryNEventsWhileTheDaemonRuns() async throws {
        let folder = try folder()
        let engine = try open(folder, interval: 3)
        try await record(engine, "a", 1...2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: snapshotPath(folder)), "none before 3 events")
        try await record(engine, "b", 1...5)
        // Written on its own queue, at the third event and again once 3 more were published.
        let deadline = Date().addingTimeInterval(10)
        var position: UInt64 = 0
        while position < 6, Date() < deadline {
            let header = FileManager.default.contents(atPath: snapshotPath(folder)).map { Array($0.prefix(20)) }
            if let header, header.count == 20 { position = header[12..<20].reduce(0) { $0 << 8 | UInt64($1) } }
            if position < 6 { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        XCTAssertGreaterThanOrEqual(position, 6, "a second snapshot, before any close")
        // A crash (no clean close) after it: the start uses that snapshot and replays the events after it.
        let copy = try self.folder()
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        try engine.close()
        let restarted = try open(copy)
        defer { try? restarted.close() }
        XCTAssertEqual(restarted.snapshotOutcome, .used(position: position))
        XCTAssertEqual(restarted.head.position, 7)
        XCTAssertEqual(models(restarted), try rebuilt(copy))
    }

    /// Each way a snapshot can be wrong, applied to a good one: set aside naming why, the models rebuilt.
    func testADamagedStaleUnknownOrAheadSnapshotIsSetAsideAndTheModelsRebuilt() async throws {
        let other = try folder()
        let otherEngine = try open(other)
        try await record(otherEngine, "other", 1...5)
        try otherEngine.close()
        let longer = try folder()
        let longerEngine = try open(longer)
        try await record(longerEngine, "a", 1...8)
        try longerEngine.close()
        let otherSnapshot = try Data(contentsOf: URL(fileURLWithPath: snapshotPath(other)))
        let longerSnapshot = try Data(contentsOf: URL(fileURLWithPath: snapshotPath(longer)))

        let cases: [(String, (Data) -> Data, String)] = [
            (
                "a flipped byte",
                {
                    var bytes = $0; bytes[bytes.count - 10] ^= 0x01; return bytes
                }, "checksum"
            ),
            ("cut short", { $0.prefix($0.count - 1) }, "length"),
            ("not a snapshot", { _ in Data("garbage".utf8) }, "header"),
            (
                "a newer format",
                {
                    var bytes = $0; bytes[11] = 6; return bytes
                }, "format version 6 is unknown"
            ),
            // Version 4 held the indexes; version 3 the event history and the request ids too; version 2 had no
            // positions per entity; version 1 encoded the event history as a map from its index. Their bodies are not
            // read.
            (
                "an older format",
                {
                    var bytes = $0; bytes[11] = 4; return bytes
                }, "format version 4 is older"
            ),
            ("another log's", { _ in otherSnapshot }, "stale"),
            ("ahead of the log", { _ in longerSnapshot }, "position 8, but the log ends at 5"),
        ]
        for (name, damage, reason) in cases {
            let folder = try folder()
            var engine = try open(folder)
            try await record(engine, "a", 1...5)
            try engine.close()
            let good = try Data(contentsOf: URL(fileURLWithPath: snapshotPath(folder)))
            try damage(good).write(to: URL(fileURLWithPath: snapshotPath(folder)))

            engine = try open(folder)
            guard case .setAside(let said, let path) = engine.snapshotOutcome else {
                XCTFail("\(name): \(engine.snapshotOutcome)")
                continue
            }
            XCTAssertTrue(said.contains(reason), "\(name): \(said)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "\(name): kept as \(path)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: snapshotPath(folder)), name)
            XCTAssertEqual(engine.head.position, 5, name)
            XCTAssertEqual(models(engine), try rebuilt(folder), name)
            XCTAssertEqual(models(engine).count, 5, name)
            try engine.close()
            // The clean close wrote a good snapshot again.
            engine = try open(folder)
            XCTAssertEqual(engine.snapshotOutcome, .used(position: 5), name)
            try engine.close()
        }
    }
}
