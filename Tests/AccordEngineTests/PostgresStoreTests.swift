import AccordDomain
import AccordEngine
import AccordLog
import AccordPostgres
import Foundation
import Logging
import PostgresTestSupport
import Synchronization
import XCTest

/// The PostgreSQL store against a real server: the same frames as the log file, one writer, a lost session fails.
final class PostgresStoreTests: XCTestCase {
    private let logger = Logger(label: "accord-test")

    private func open(
        _ url: String,
        readOnly: Bool = false,
        closeWaitLimit: Duration = PostgresLedgerStore.defaultCloseWaitLimit
    ) async throws -> PostgresLedgerStore {
        try await PostgresLedgerStore.open(
            address: try PostgresAddress(parsing: url),
            password: nil,
            readOnly: readOnly,
            closeWaitLimit: closeWaitLimit,
            logger: logger
        )
    }

    private func draft(_ index: Int) -> RecordDraft {
        RecordDraft(
            recordedAtMicroseconds: Int64(index),
            authorUserID: 1000,
            authorName: "camille",
            eventType: "Test",
            streamID: "test/\(index)",
            payload: Array("{\"index\":\(index)}".utf8)
        )
    }

    func testThePostgreSQLStoreHoldsTheSameBytesAsTheLogFile() async throws {
        let file = try await EngineFixture(.file)
        let postgres = try await EngineFixture(.postgresql)
        for fixture in [file, postgres] {
            for id in ["cnrs", "jrc", "inria"] {
                try await fixture.execute(EngineFixture.institution(id), requestID: "register-\(id)")
            }
        }
        XCTAssertEqual(postgres.engine.head, file.engine.head, "same records, same chain")
        XCTAssertEqual(Data(file.logBytes.dropFirst(LogFormat.headerBytes)), postgres.logBytes)
    }

    func testASecondWriterIsFencedOutAndAStandbyReads() async throws {
        let url = try EngineFixture.cluster().createDatabase()
        let writer = try await open(url)
        _ = try await writer.enqueue([draft(1), draft(2)]).wait()
        do {
            _ = try await open(url)
            XCTFail("a second writer must not open the ledger")
        } catch let error as LogError {
            XCTAssertEqual(error.code, PostgresErrorCode.fenced)
            XCTAssertTrue(error.message.contains("--read-only"), error.message)
        }
        let reader = try await open(url, readOnly: true)
        XCTAssertEqual(reader.durableHead, writer.durableHead)
        let read = try await reader.records(from: 1, through: reader.durableHead, limit: 10)
        XCTAssertEqual(read.map(\.position), [1, 2])
        XCTAssertThrowsError(try reader.enqueue([draft(3)])) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.readOnly)
        }
        try reader.close()
        try writer.close()
        let next = try await open(url)
        XCTAssertEqual(next.durableHead.position, 2, "the lock went with the first writer's session")
        try next.close()
    }

    /// A writer whose session was ended (the lock went with it) fails by itself, before its next append, and
    /// never appends again, even once a new writer took over.
    func testAWriterThatLostItsSessionStopsAppending() async throws {
        let cluster = try EngineFixture.cluster()
        let url = try cluster.createDatabase()
        let database = try XCTUnwrap(url.split(separator: "?").first?.split(separator: "/").last)
        let writer = try await open(url)
        _ = try await writer.enqueue([draft(1)]).wait()
        try cluster.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()"
        )
        let deadline = ContinuousClock.now + .seconds(30)
        while writer.status.failure == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertEqual(writer.status.failure?.code, LogErrorCode.writerFailed, "the lost session failed the store")
        XCTAssertThrowsError(try writer.enqueue([draft(2)]), "a failed store takes no more appends")
        let successor = try await open(url)
        _ = try await successor.enqueue([draft(2)]).wait()
        XCTAssertEqual(successor.durableHead.position, 2)
        XCTAssertThrowsError(try writer.close(), "closing reports the failure")
        try successor.close()
    }

    /// A new database holding record 1, and a standby store of it whose session is then ended by the server (its
    /// backend terminated), after a `refreshHead` when `afterReading`.
    private func standbyWhoseSessionEnds(afterReading: Bool) async throws -> (url: String, reader: PostgresLedgerStore) {
        let cluster = try EngineFixture.cluster()
        let url = try cluster.createDatabase()
        let database = String(try XCTUnwrap(url.split(separator: "?").first?.split(separator: "/").last))
        let writer = try await open(url)
        _ = try await writer.enqueue([draft(1)]).wait()
        try writer.close()
        let reader = try await open(url, readOnly: true)
        if afterReading { _ = try await reader.refreshHead() }
        try cluster.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()"
        )
        return (url, reader)
    }

    /// A standby's session ended (its server restarted, the backend was terminated): the next `refreshHead`
    /// connects again and reads on, where a writer's store would have failed for good.
    func testAStandbyWhoseSessionWasLostConnectsAgain() async throws {
        let (url, reader) = try await standbyWhoseSessionEnds(afterReading: false)
        let successor = try await open(url)
        _ = try await successor.enqueue([draft(2)]).wait()
        var refreshed: ChainHead?
        var refusals: [LogError] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while refreshed == nil, ContinuousClock.now < deadline {
            do {
                refreshed = try await reader.refreshHead()
            } catch {
                refusals.append(error)
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        XCTAssertEqual(refreshed, successor.durableHead, "the standby reads the new record once connected again")
        XCTAssertEqual(refusals.map(\.code).filter { $0 != PostgresErrorCode.unavailable }, [], "\(refusals)")
        let records = try await reader.records(from: 1, through: successor.durableHead, limit: 10)
        XCTAssertEqual(records.map(\.position), [1, 2])
        try reader.close()
        try successor.close()
    }

    /// A standby's session ended between two reads of one catch-up (its server stopped right after the head was
    /// read): the checkpoints' read fails, saying so, instead of waiting forever. PostgresNIO drops a query written
    /// to a closed session without failing it (postgres-nio issue 458): the hang a standby once showed in CI.
    func testAReadOfAStandbyWhoseSessionWasLostFailsAndDoesNotWaitForever() async throws {
        let (_, reader) = try await standbyWhoseSessionEnds(afterReading: true)
        // Reads answer until the standby sees its session end (one in flight then fails with it); from then on each
        // fails at once, saying the session was lost. None may hang.
        var failure: LogError?
        var failures: [LogError] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while failure?.message.contains("was lost") != true, ContinuousClock.now < deadline {
            let read = ReadOutcome()
            Task {
                do throws(LogError) {
                    _ = try await reader.checkpointNotes(after: 0)
                    read.finish(nil)
                } catch {
                    read.finish(error)
                }
            }
            while !read.isFinished, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            XCTAssertTrue(read.isFinished, "the read of the checkpoints answered, it did not wait forever")
            guard read.isFinished else { break }
            failure = read.failure
            if let failure { failures.append(failure) }
        }
        XCTAssertEqual(failures.map(\.code).filter { $0 != PostgresErrorCode.unavailable }, [], "\(failures)")
        XCTAssertTrue(failure?.message.contains("was lost") == true, "\(failures)")
        _ = try await reader.refreshHead()
        let notes = try await reader.checkpointNotes(after: 0)
        XCTAssertEqual(notes, [], "once connected again, it reads again")
        try reader.close()
    }

    /// A stop never hangs on the database: a commit the server does not confirm (a synchronous standby that is not
    /// there) fails its append, unknown whether committed, once `closeWaitLimit` is over, and the session is closed.
    func testCloseIsBoundedWhenTheServerDoesNotConfirmACommit() async throws {
        _ = try EngineFixture.cluster()
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        try cluster.sql("CREATE DATABASE accord")
        let url = cluster.url(database: "accord")
        try await open(url).close()  // creates the table while commits still return
        try cluster.set("synchronous_standby_names", "missing_standby")
        let writer = try await open(url, closeWaitLimit: .seconds(1))
        let append = try writer.enqueue([draft(1)])
        let waiting = Task { () -> LogError? in
            do throws(LogError) {
                _ = try await append.wait()
                return nil
            } catch {
                return error
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        var waitingForStandby = false
        while !waitingForStandby, ContinuousClock.now < deadline {
            waitingForStandby =
                try cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'") == "1"
            if !waitingForStandby { try await Task.sleep(for: .milliseconds(20)) }
        }
        XCTAssertTrue(waitingForStandby, "the commit waits for the missing standby")
        XCTAssertEqual(writer.status.pendingRecords, 1)
        let started = ContinuousClock.now
        let closing = Task.detached { () -> LogError? in
            do throws(LogError) {
                try writer.close()
                return nil
            } catch {
                return error
            }
        }
        let closeFailure = await closing.value
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(8), "close waited about its limit, not forever")
        XCTAssertEqual(closeFailure?.code, LogErrorCode.writerFailed)
        XCTAssertTrue(closeFailure?.message.contains("did not answer") == true, "\(String(describing: closeFailure))")
        let appendFailure = await waiting.value
        XCTAssertEqual(appendFailure?.code, LogErrorCode.writerFailed, "the append is failed, not left waiting")
    }

    /// A writer whose head is no longer the table's (rows appended behind its back) fails instead of forking.
    func testAWriterRefusesToAppendPastRowsItDidNotWrite() async throws {
        let cluster = try EngineFixture.cluster()
        let url = try cluster.createDatabase()
        let database = String(try XCTUnwrap(url.split(separator: "?").first?.split(separator: "/").last))
        let writer = try await open(url)
        _ = try await writer.enqueue([draft(1)]).wait()
        let foreign = try Record.chained(draft(2), position: 2, previousHash: writer.durableHeadHash())
        try cluster.sql(
            "INSERT INTO accord_ledger VALUES (2, '\\x\(Hex.encode(foreign.bytes))')",
            database: database
        )
        do {
            _ = try await writer.enqueue([draft(3)]).wait()
            XCTFail("the writer's position 2 is taken")
        } catch {
            XCTAssertEqual(error.code, PostgresErrorCode.fenced)
        }
        XCTAssertEqual(writer.durableHead.position, 1)
        XCTAssertThrowsError(try writer.close())
    }

    /// Group commit: appends enqueued while a round is in flight go together in the next one.
    func testConcurrentAppendsShareRounds() async throws {
        let url = try EngineFixture.cluster().createDatabase()
        let store = try await open(url)
        let pending = try (1...200).map { index in try store.enqueue([draft(index)]) }
        for append in pending { _ = try await append.wait() }
        XCTAssertEqual(store.durableHead.position, 200)
        XCTAssertLessThan(store.status.roundsCompleted, 200, "waiting appends were committed together")
        let records = try await store.records(from: 1, through: store.durableHead, limit: 1_000)
        XCTAssertEqual(records.map(\.position), Array(1...200))
        try store.close()
    }

    /// Nothing listens at the address: the refusal names it and why the connect failed, not only PostgresNIO's
    /// "connectionError".
    func testAnAddressWhereNothingListensIsRefusedWithTheCause() async throws {
        let folder = "/tmp/accord-no-postgres-\(UInt32.random(in: 0...UInt32.max))"
        let address = try PostgresAddress(parsing: "postgresql://accord@/ledger?host=\(folder)")
        do {
            _ = try await PostgresLedgerStore.open(
                address: address,
                password: nil,
                readOnly: false,
                logger: logger
            )
            XCTFail("a store opened where nothing listens")
        } catch {
            XCTAssertEqual(error.code, PostgresErrorCode.unavailable)
            XCTAssertTrue(error.message.contains("cannot connect to \(address)"), error.message)
            XCTAssertTrue(error.message.contains("No such file or directory"), error.message)
        }
    }

    func testAnAddressWithAPasswordIsRefused() {
        XCTAssertThrowsError(try PostgresAddress(parsing: "postgresql://accord:secret@db.example/accord")) { error in
            XCTAssertEqual((error as? LogError)?.code, PostgresErrorCode.badAddress)
            XCTAssertTrue("\(error)".contains("--store-password-file"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresAddress(parsing: "postgresql://accord@db.example/accord?sslmode=verify-full"))
        let socket = try? PostgresAddress(parsing: "postgresql://accord@/ledger?host=/run/postgresql")
        XCTAssertEqual(socket?.endpoint, .unixSocket(path: "/run/postgresql/.s.PGSQL.5432"))
    }
}

extension PostgresLedgerStore {
    fileprivate func durableHeadHash() -> [UInt8] { Hex.decode(durableHead.hash) ?? [] }
}

/// How one read run in a task of its own ended, polled by the test (a read that never ends is what it looks for).
private final class ReadOutcome: Sendable {
    private let state = Mutex<(finished: Bool, failure: LogError?)>((false, nil))

    func finish(_ failure: LogError?) { state.withLock { $0 = (true, failure) } }
    var isFinished: Bool { state.withLock { $0.finished } }
    var failure: LogError? { state.withLock { $0.failure } }
}
