import Foundation
import XCTest

/// Two partner witnesses with their own state folders cosign a growing log, and both refuse it once it is
/// rolled back (log and checkpoint folder restored from an old backup) or forked.
final class WitnessTests: XCTestCase {
    private var ledger: LedgerFixture!
    private var configuration: String!

    override func tearDown() async throws {
        if let ledger, ledger.daemon.process.isRunning { try await ledger.daemon.stop() }
        ledger = nil
    }

    private func restartDaemon() async throws {
        if ledger.daemon.process.isRunning { try await ledger.daemon.stop() }
        ledger.daemon = try DaemonProcess(
            socketPath: ledger.socketPath,
            dataDirectory: ledger.dataDirectory,
            extraArguments: ["--config", configuration]
        )
        try await ledger.daemon.start()
    }

    private func registerSite(_ id: String, name: String) throws {
        try ledger.accord([
            "site", "register", "--id", id, "--institution", "jrc", "--name", name, "--country", "IT",
        ])
    }

    private func cosign(_ witness: String) throws -> CommandResult {
        try ledger.cli.run(["witness", "cosign", "--state", ledger.folder.file(witness)])
    }

    /// A daemon whose policy requires both partners' witnesses, which are set up (not yet cosigning); `record`
    /// runs before the witnesses are made.
    private func witnessedLedger(record: () throws -> Void) async throws {
        ledger = try LedgerFixture()
        try await ledger.start()
        try record()
        let logKey = try ledger.accord(["key"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        var policy = ""
        for (label, name) in [("cnrs", "witness.cnrs.fr"), ("jrc", "witness.jrc.ec.europa.eu")] {
            let line = try ledger.accord([
                "witness", "init", "--state", ledger.folder.file(label), "--name", name, "--log-key", logKey,
            ]).standardOutput
            XCTAssertTrue(line.hasPrefix("witness \(name) \(name)+"), line)
            policy += line.replacingOccurrences(of: "witness \(name) ", with: "witness \(label) ")
        }
        policy += "group partners all cnrs jrc\nquorum partners\n"
        try policy.write(toFile: ledger.folder.file("policy"), atomically: true, encoding: .utf8)
        configuration = ledger.folder.file("accordd.json")
        try "{\"witnessPolicyFile\": \"\(ledger.folder.file("policy"))\"}".write(
            toFile: configuration,
            atomically: true,
            encoding: .utf8
        )
        try await restartDaemon()

    }

    func testBothWitnessesRefuseARolledBackAndAForkedLog() async throws {
        try await witnessedLedger {
            try ledger.accord([
                "institution", "register", "--id", "jrc", "--name", "Joint Research Centre", "--country", "EU",
                "--kind", "commissionService",
            ])
        }
        try ledger.accord(["checkpoint", "--sign"])
        for witness in ["cnrs", "jrc"] { XCTAssertEqual(try cosign(witness).exitCode, 0) }
        let cosigned = try ledger.accord(["checkpoint"]).standardOutput
        XCTAssertTrue(
            cosigned.contains("— witness.cnrs.fr ") && cosigned.contains("— witness.jrc.ec.europa.eu "),
            cosigned
        )
        XCTAssertEqual(try ledger.cli.run(["verify"]).exitCode, 0, "the quorum is met")

        // A backup of the whole data folder at one record, then the log grows to three and is cosigned.
        try await ledger.daemon.stop()
        let backup = ledger.folder.file("backup")
        try FileManager.default.copyItem(atPath: ledger.dataDirectory, toPath: backup)
        try await restartDaemon()
        try registerSite("ispra", name: "JRC Ispra")
        try registerSite("petten", name: "JRC Petten")
        try ledger.accord(["checkpoint", "--sign"])
        for witness in ["cnrs", "jrc"] { XCTAssertEqual(try cosign(witness).exitCode, 0) }

        // Rolled back, checkpoints included: the daemon agrees with itself, the witnesses do not.
        try await ledger.daemon.stop()
        try FileManager.default.removeItem(atPath: ledger.dataDirectory)
        try FileManager.default.copyItem(atPath: backup, toPath: ledger.dataDirectory)
        try await restartDaemon()
        for witness in ["cnrs", "jrc"] {
            let refused = try cosign(witness)
            XCTAssertEqual(refused.exitCode, 1, refused.standardError)
            XCTAssertTrue(refused.standardError.contains("rolled back"), refused.standardError)
        }

        // Forked: other records in place of the ones the witnesses saw, to the same size.
        try registerSite("karlsruhe", name: "JRC Karlsruhe")
        try registerSite("geel", name: "JRC Geel")
        try ledger.accord(["checkpoint", "--sign"])
        for witness in ["cnrs", "jrc"] {
            let refused = try cosign(witness)
            XCTAssertEqual(refused.exitCode, 1, refused.standardError)
            XCTAssertTrue(refused.standardError.contains("forked"), refused.standardError)
        }
        let verify = try ledger.cli.run(["verify"])
        XCTAssertEqual(verify.exitCode, 2, "a checkpoint short of its quorum is a gap:\n\(verify.standardOutput)")
        XCTAssertTrue(verify.standardOutput.contains("witness_quorum_short"), verify.standardOutput)
    }

    /// The story of the issue's "done": the walk-through, a checkpoint cosigned by both partners, a proof of the
    /// secondment checked offline, an evidence folder that verify.py passes, and a forged copy it catches.
    func testWitnessedEvidenceOfTheWalkthroughPassesAndAForgedCopyFails() async throws {
        try await witnessedLedger { try ledger.recordPartnership() }
        try ledger.accord(["checkpoint", "--sign"])
        for witness in ["cnrs", "jrc"] { XCTAssertEqual(try cosign(witness).exitCode, 0) }
        let key = ledger.folder.file("log.key")
        try ledger.accord(["key"]).standardOutput.write(toFile: key, atomically: true, encoding: .utf8)
        let proof = ledger.folder.file("secondment.proof")
        try ledger.accord(["prove", "7", "--output", proof])
        let checked = try ledger.accord([
            "verify", "--proof", proof, "--key", key, "--policy", ledger.folder.file("policy"),
        ])
        XCTAssertTrue(checked.standardOutput.contains("SecondmentStarted"), checked.standardOutput)
        XCTAssertTrue(checked.standardOutput.contains("cosigned by cnrs, jrc"), checked.standardOutput)

        let evidence = ledger.folder.file("evidence")
        try ledger.accord(["export", "--evidence", evidence, "--policy", ledger.folder.file("policy")])
        let verifyPy = [
            "python3", "\(evidence)/verify.py", evidence, "--key", key, "--policy", ledger.folder.file("policy"),
        ]
        let clean = try run(verifyPy)
        XCTAssertEqual(clean.status, 0, clean.output)

        var (header, frames) = try ProofFixture.frames(of: "\(evidence)/ledger.log")
        try ProofFixture.rewrite(&frames, position: 8) { $0.replacingOccurrences(of: "2026-06-30", with: "2036-06-30") }
        try ProofFixture.write(header, frames, to: "\(evidence)/ledger.log")
        let forged = try run(verifyPy)
        XCTAssertEqual(forged.status, 1, forged.output)
        XCTAssertTrue(forged.output.contains("to 8"), "verify.py names the positions:\n\(forged.output)")
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        return try ChildOutput.run(process)
    }
}
