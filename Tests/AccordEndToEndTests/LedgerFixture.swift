import Foundation
import XCTest

/// A daemon on a fresh socket and data folder, and the CLI pointed at it.
final class LedgerFixture {
    let folder: TemporaryFolder
    let socketPath: String
    let dataDirectory: String
    var daemon: DaemonProcess
    let cli: CLIRunner

    init() throws {
        folder = try TemporaryFolder()
        socketPath = folder.file("accord.sock")
        dataDirectory = folder.file("data")
        daemon = try DaemonProcess(socketPath: socketPath, dataDirectory: dataDirectory)
        cli = CLIRunner(socketPath: socketPath)
    }

    func start() async throws {
        try await daemon.start()
    }

    /// Stops the daemon with SIGTERM (expecting a clean exit 0) and starts a new one on the same places.
    func restart(file: StaticString = #filePath, line: UInt = #line) async throws {
        let status = try await daemon.stop()
        XCTAssertEqual(
            status,
            0,
            "accordd should exit 0 on SIGTERM; its output:\n\(daemon.errors)",
            file: file,
            line: line
        )
        daemon = try DaemonProcess(socketPath: socketPath, dataDirectory: dataDirectory)
        try await daemon.start()
    }

    /// Runs `accord` and fails the test, with its output, unless it exits 0.
    @discardableResult
    func accord(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let result = try cli.run(arguments)
        XCTAssertEqual(
            result.exitCode,
            0,
            "accord \(arguments.joined(separator: " ")) failed:\n\(result.standardError)\(result.standardOutput)",
            file: file,
            line: line
        )
        return result
    }

    /// The CNRS–JRC partnership as the README's walk-through records it.
    func recordPartnership() throws {
        try accord([
            "institution", "register", "--id", "cnrs", "--name", "Centre national de la recherche scientifique",
            "--country", "FR", "--kind", "researchOrganisation",
        ])
        try accord([
            "institution", "register", "--id", "jrc", "--name", "Joint Research Centre", "--country", "EU", "--kind",
            "commissionService",
        ])
        try accord([
            "site", "register", "--id", "ispra", "--institution", "jrc", "--name", "JRC Ispra", "--country", "IT",
            "--facility", "nuclear-safety-lab", "--facility", "modelling-centre",
        ])
        try accord([
            "site", "register", "--id", "petten", "--institution", "jrc", "--name", "JRC Petten", "--country", "NL",
            "--facility", "high-flux-reactor",
        ])
        try accord([
            "agreement", "sign", "--id", "cnrs-jrc-mou-2026", "--title", "CNRS–JRC cooperation agreement", "--kind",
            "mou",
            "--party", "cnrs", "--party", "jrc", "--signed-on", "2026-01-06", "--domain", "nuclear", "--domain",
            "humanities-social-sciences",
        ])
        try accord([
            "person", "register", "--id", "p-0001", "--home-institution", "cnrs", "--unit",
            "CNRS Sciences humaines & sociales", "--name", "Camille Martin",
        ])
        try accord([
            "secondment", "start", "--id", "s-2026-001", "--person", "p-0001", "--agreement", "cnrs-jrc-mou-2026",
            "--host-institution", "jrc", "--host-site", "ispra", "--mode", "expertiseMission", "--domain", "nuclear",
            "--start", "2026-03-01", "--planned-end", "2026-08-31",
        ])
        try accord([
            "access", "grant", "--id", "g-2026-001", "--agreement", "cnrs-jrc-mou-2026", "--grantee", "p-0001",
            "--site", "petten",
            "--facility", "high-flux-reactor", "--purpose", "irradiation experiment", "--valid-from", "2026-04-01",
            "--valid-until", "2026-06-30",
        ])
    }

    /// Records at position 9 that the agreement signed at position 5 was signed on 2026-01-07, a day later.
    func correctSigningDate() throws {
        let corrected = """
            {"type": "AgreementSigned", "payload": {"agreementID": "cnrs-jrc-mou-2026", \
            "title": "CNRS–JRC cooperation agreement", "kind": "mou", "parties": ["cnrs", "jrc"], \
            "signedOn": "2026-01-07", "domains": ["nuclear", "humanities-social-sciences"]}}
            """
        try accord(["correct", "--position", "5", "--reason", "signed a day later", "--event", corrected])
    }
}
