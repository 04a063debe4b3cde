import AccordDomain
import AccordEngine
import Foundation
import XCTest

/// An engine on a fresh data folder with a fixed clock, reopened as the daemon would be after a restart.
final class EngineFixture {
    let folder: String
    var engine: LedgerEngine
    static let author = Author(userID: 1000, name: "camille")
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_657_600.123456) }

    init() throws {
        var template = Array("/tmp/accord-engine-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        folder = String(cString: created)
        engine = try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
    }

    deinit {
        try? engine.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func reopen() throws {
        try engine.close()
        engine = try LedgerEngine.open(dataDirectory: folder, clock: EngineFixture.clock, progress: { _ in })
    }

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

    var logBytes: Data {
        FileManager.default.contents(atPath: "\(folder)/\(LedgerEngine.logFileName)") ?? Data()
    }
}
