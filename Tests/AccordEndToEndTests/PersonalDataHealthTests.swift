import Foundation
import XCTest

/// `accord status` reports the personal-data files it found damaged (checked on a thread of the daemon's own, at
/// most once a minute) and is unhealthy while one is.
final class PersonalDataHealthTests: XCTestCase {
    func testADamagedPersonalDataFileMakesTheDaemonUnhealthy() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.accord(["institution", "register", "--id", "cnrs", "--name", "CNRS", "--country", "FR", "--kind", "university"])
        try ledger.accord([
            "person", "register", "--id", "p-1", "--home-institution", "cnrs", "--unit", "SHS", "--name", "Camille Martin",
        ])
        // The first check ran when the fixture first asked for the status, before the registration; a new daemon
        // checks again at once (the running one would within a minute).
        try await ledger.restart()
        let healthy = try await checkedHealth(ledger)
        XCTAssertEqual(healthy.health["personalDataFiles"] as? Int, 1, "\(healthy.health)")
        XCTAssertEqual(healthy.health["personalDataDamaged"] as? Int, 0, "\(healthy.health)")
        XCTAssertEqual(healthy.exitCode, 0)
        let text = try ledger.accord(["status"])
        XCTAssertTrue(text.standardOutput.contains("1 file, none damaged (checked at "), text.standardOutput)

        let folder = "\(ledger.dataDirectory)/personal-data"
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") })
        try Data(#"{"salt": "00", "data": {"name": "Someone Else"}}"#.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file)"))
        try await ledger.restart()
        let damaged = try await checkedHealth(ledger)
        XCTAssertEqual(damaged.health["personalDataDamaged"] as? Int, 1, "\(damaged.health)")
        XCTAssertEqual(damaged.exitCode, 4, "a damaged personal-data file is unhealthy")
        let problems = damaged.health["problems"] as? [String] ?? []
        XCTAssertTrue(problems.contains { $0.contains("1 of 1 personal-data files are damaged") && $0.contains(file) }, "\(problems)")
    }

    /// Polls `accord status --json` until the daemon's first personal-data check has ended.
    private func checkedHealth(_ ledger: LedgerFixture) async throws -> (health: [String: Any], exitCode: Int32) {
        var found: ([String: Any], Int32)?
        let checked = try await Deadline.poll(seconds: 30) {
            let status = try ledger.cli.run(["status", "--json"])
            guard let health = (status.json as? [String: Any])?["health"] as? [String: Any],
                health["personalDataCheckedAt"] != nil
            else { return false }
            found = (health, status.exitCode)
            return true
        }
        XCTAssertTrue(checked, "no personal-data check within 30 s")
        return try XCTUnwrap(found)
    }
}
