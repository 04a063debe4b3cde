import AccordDomain
import AccordEngine
import AccordLog
import AccordPostgres
import Foundation
import Logging
import PostgresTestSupport
import XCTest

/// An engine on a fresh data folder with a fixed clock, reopened as the daemon would be after a restart; its
/// records in the log file, in memory or in a PostgreSQL database of the test cluster (`Store`), so that every
/// engine test runs against every store.
final class EngineFixture {
    enum Store: CaseIterable {
        case file
        case memory
        case postgresql
    }

    let store: Store
    let folder: String
    /// The PostgreSQL store's database, fresh for this fixture.
    let databaseURL: String?
    var engine: LedgerEngine
    static let author = Author(userID: 1000, name: "camille")
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_657_600.123456) }

    init(_ store: Store) async throws {
        var template = Array("/tmp/accord-engine-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        self.store = store
        folder = String(cString: created)
        databaseURL = try store == .postgresql ? EngineFixture.cluster().createDatabase() : nil
        engine = try await EngineFixture.open(store, folder: folder, keeping: [], databaseURL: databaseURL)
    }

    deinit {
        try? engine.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Where the personal data behind `reference` is kept (docs/log-format.md: its name is the reference, ':' as '-').
    func personalDataFile(of reference: String) -> String {
        "\(folder)/\(LedgerEngine.personalDataFolderName)/\(reference.replacingOccurrences(of: ":", with: "-")).json"
    }

    /// A restart: the file store reopens the log; the memory store starts again from the records it held.
    func reopen() async throws {
        try engine.close()
        engine = try await EngineFixture.open(
            store,
            folder: folder,
            keeping: memoryStore?.allRecords ?? [],
            databaseURL: databaseURL
        )
    }

    /// The shared test cluster; throws (so that the store is skipped, saying why) where PostgreSQL cannot run.
    static func cluster() throws -> PostgresCluster {
        guard let cluster = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        return cluster
    }

    private static func open(
        _ store: Store,
        folder: String,
        keeping records: [Record],
        databaseURL: String?
    ) async throws -> LedgerEngine {
        switch store {
        case .file:
            return try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
        case .memory:
            return try await LedgerEngine.open(
                store: MemoryLedgerStore(records: records),
                dataDirectory: folder,
                clock: EngineFixture.clock
            )
        case .postgresql:
            let store = try await PostgresLedgerStore.open(
                address: try PostgresAddress(parsing: databaseURL ?? ""),
                password: nil,
                readOnly: false,
                logger: Logger(label: "accord-test")
            )
            return try await LedgerEngine.open(store: store, dataDirectory: folder, clock: EngineFixture.clock)
        }
    }

    private var memoryStore: MemoryLedgerStore? { engine.store as? MemoryLedgerStore }

    @discardableResult
    func execute(
        _ command: Command,
        requestID: String? = nil,
        expectedVersion: UInt64? = nil,
        personalData: PersonalData? = nil
    ) async throws(EngineError) -> CommandOutcome {
        try await engine.execute(
            CommandRequest(
                command: command,
                expectedVersion: expectedVersion,
                requestID: requestID,
                personalData: personalData,
                author: EngineFixture.author
            )
        )
    }

    static func institution(_ id: String, name: String? = nil) -> Command {
        .registerInstitution(
            RegisterInstitution(institutionID: id, name: name ?? "Institution \(id)", country: "FR", kind: .university)
        )
    }

    /// The records' bytes as the store holds them (for PostgreSQL: every row's frame in position order).
    var logBytes: Data {
        if let memoryStore { return Data(memoryStore.frameBytes) }
        if let databaseURL, let cluster = PostgresCluster.shared,
            let database = databaseURL.split(separator: "?").first?.split(separator: "/").last,
            let hex = try? cluster.sql(
                "SELECT coalesce(string_agg(encode(frame, 'hex'), '' ORDER BY position), '') FROM accord_ledger",
                database: String(database)
            )
        {
            return Data(Hex.decode(hex) ?? [])
        }
        return FileManager.default.contents(atPath: "\(folder)/\(LedgerEngine.logFileName)") ?? Data()
    }
}

extension XCTestCase {
    /// Runs `body` on a fresh fixture for each store; a failure or an error names the store it happened on.
    func forEachStore(_ body: (EngineFixture) async throws -> Void) async throws {
        for store in EngineFixture.Store.allCases {
            let failuresBefore = testRun?.failureCount ?? 0
            do {
                try await body(try await EngineFixture(store))
            } catch let skip as XCTSkip {
                print("\(name): the \(store) store is skipped: \(skip.message ?? "unavailable")")
                continue
            } catch {
                XCTFail("on the \(store) store: \(error)")
                continue
            }
            if (testRun?.failureCount ?? 0) > failuresBefore { XCTFail("the failures above are on the \(store) store") }
        }
    }
}
