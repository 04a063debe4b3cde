import AccordDomain
import AccordEngine
import AccordLog
import Foundation
import XCTest

/// An engine on a fresh data folder with a fixed clock, reopened as the daemon would be after a restart; its
/// records in the log file or in memory (`Store`), so that every engine test runs against both stores.
final class EngineFixture {
    enum Store: CaseIterable {
        case file
        case memory
    }

    let store: Store
    let folder: String
    var engine: LedgerEngine
    static let author = Author(userID: 1000, name: "camille")
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_657_600.123456) }

    init(_ store: Store) async throws {
        var template = Array("/tmp/accord-engine-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        self.store = store
        folder = String(cString: created)
        engine = try await EngineFixture.open(store, folder: folder, keeping: [])
    }

    deinit {
        try? engine.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A restart: the file store reopens the log; the memory store starts again from the records it held.
    func reopen() async throws {
        try engine.close()
        engine = try await EngineFixture.open(store, folder: folder, keeping: memoryStore?.allRecords ?? [])
    }

    private static func open(_ store: Store, folder: String, keeping records: [Record]) async throws -> LedgerEngine {
        switch store {
        case .file:
            return try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
        case .memory:
            return try await LedgerEngine.open(
                store: MemoryLedgerStore(records: records),
                dataDirectory: folder,
                clock: EngineFixture.clock
            )
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

    /// The records' bytes as the store holds them.
    var logBytes: Data {
        if let memoryStore { return Data(memoryStore.frameBytes) }
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
            } catch {
                XCTFail("on the \(store) store: \(error)")
                continue
            }
            if (testRun?.failureCount ?? 0) > failuresBefore { XCTFail("the failures above are on the \(store) store") }
        }
    }
}
