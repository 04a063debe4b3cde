import Foundation
import PostgresTestSupport
import XCTest

/// `accordd --store postgresql://` with the real binaries and a real PostgreSQL (the test cluster): the README's
/// walk-through with its proofs, a restart, a second writer refused, and `accordd copy` to a folder and back,
/// verified against the checkpoints kept in the database.
final class PostgresStoreEndToEndTests: XCTestCase {
    private func cluster() throws -> PostgresCluster {
        guard let cluster = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        return cluster
    }

    private func daemon(_ folder: TemporaryFolder, _ url: String, name: String = "a") throws -> DaemonProcess {
        try DaemonProcess(
            socketPath: folder.file("\(name).sock"),
            dataDirectory: folder.file("data-\(name)"),
            extraArguments: ["--store", url]
        )
    }

    private func run(_ command: [String]) throws -> CommandResult {
        try CLIRunner(socketPath: "", wrapper: command).runWithoutSocket()
    }

    private func database(_ url: String) -> String {
        String(url.split(separator: "?")[0].split(separator: "/").last ?? "")
    }

    private func frames(_ cluster: PostgresCluster, _ url: String) throws -> String {
        try cluster.sql(
            "SELECT string_agg(encode(frame, 'hex'), '' ORDER BY position) FROM accord_ledger",
            database: database(url)
        )
    }

    func testTheWalkthroughOnPostgreSQLSurvivesARestartAndCopiesToAFolderAndBack() async throws {
        let cluster = try cluster()
        let url = try cluster.createDatabase()
        let folder = try TemporaryFolder()
        var primary = try daemon(folder, url)
        try await primary.start()
        // With its proofs: a checkpoint signed and kept in the database, an inclusion proof checked offline, and
        // `accord verify` clean (exit 0), as on a log file.
        try ReadmeWalkthroughTests.runWalkthrough(socketPath: primary.socketPath, temporaryFolder: folder.path)
        let cli = CLIRunner(socketPath: primary.socketPath)
        let status = try cli.run(["status", "--json"])
        XCTAssertEqual(status.exitCode, 0, status.standardError)
        let head = try XCTUnwrap((status.json as? [String: Any])?["head"] as? [String: Any])
        let position = try XCTUnwrap(head["position"] as? Int)
        XCTAssertGreaterThan(position, 5)
        XCTAssertEqual(
            try cluster.sql("SELECT count(*) FROM accord_ledger", database: database(url)),
            "\(position)",
            "every acknowledged event is a row"
        )

        let latest = try cli.run(["checkpoint"])
        XCTAssertEqual(latest.exitCode, 0, latest.standardError)
        XCTAssertTrue(latest.standardOutput.contains("\n\(position)\n"), "signed at the head: \(latest.standardOutput)")
        XCTAssertEqual(
            try cluster.sql("SELECT note FROM accord_checkpoints ORDER BY number DESC LIMIT 1", database: database(url))
                + "\n",
            latest.standardOutput,
            "the checkpoint served is the one kept in the database"
        )

        let second = try daemon(folder, url, name: "b")
        try? await second.start(timeoutSeconds: 30)
        XCTAssertFalse(second.process.isRunning, "a second writer on the same database must not start")
        XCTAssertTrue(second.errors.contains("another accordd writes the ledger"), second.errors)

        let primaryStatus = try await primary.stop()
        XCTAssertEqual(primaryStatus, 0, primary.errors)
        primary = try daemon(folder, url)
        try await primary.start()
        let again = try cli.run(["status", "--json"])
        let headAgain = try XCTUnwrap((again.json as? [String: Any])?["head"] as? [String: Any])
        XCTAssertEqual(headAgain["position"] as? Int, position, "the restart replayed every row")
        let registered = try cli.run([
            "institution", "register", "--id", "inria", "--name", "Inria", "--country", "FR", "--kind", "researchOrganisation",
        ])
        XCTAssertEqual(registered.exitCode, 0, registered.standardError)
        // `accord verify` through the daemon signs a checkpoint of the new head, reads the chain back from
        // PostgreSQL and checks it against every checkpoint kept there, the ones of before the restart included.
        let online = try cli.run(["verify"])
        XCTAssertEqual(online.exitCode, 0, online.standardError + online.standardOutput)
        XCTAssertTrue(online.standardOutput.contains("\(position + 1) verified"), online.standardOutput)
        let tampered = try tamperedVerification(cluster, url, cli, position: 3)
        XCTAssertEqual(tampered.exitCode, 1, tampered.standardError + tampered.standardOutput)
        XCTAssertTrue(tampered.standardOutput.contains("position 3"), tampered.standardOutput)
        let key = try XCTUnwrap(try cli.run(["key"]).standardOutput.split(separator: "\n").first.map(String.init))
        let restartedStatus = try await primary.stop()
        XCTAssertEqual(restartedStatus, 0, primary.errors)

        let copied = folder.file("copied")
        let toFolder = try run([BuiltProducts.daemon, "copy", "--from", url, "--to", copied])
        XCTAssertEqual(toFolder.exitCode, 0, toFolder.standardError)
        XCTAssertTrue(toFolder.standardOutput.contains("copied \(position + 1) records"), toFolder.standardOutput)
        // The copy is the same Merkle tree: the checkpoints kept in the database verify it offline.
        let notes = folder.file("checkpoints")
        try (try cluster.sql(
            "SELECT string_agg(note || E'\\n', '' ORDER BY number) FROM accord_checkpoints",
            database: database(url)
        ) + "\n\n").write(toFile: notes, atomically: true, encoding: .utf8)
        let verified = try run([
            BuiltProducts.client, "verify", "--log", "\(copied)/ledger.log", "--checkpoint", notes, "--key", key,
        ])
        XCTAssertEqual(verified.exitCode, 0, verified.standardError + verified.standardOutput)
        XCTAssertTrue(verified.standardOutput.contains("\(position + 1) verified"), verified.standardOutput)
        let root = try XCTUnwrap(toFolder.standardOutput.split(separator: "\n").last?.split(separator: " ").last)
        XCTAssertTrue(verified.standardOutput.contains("root               \(root)"), "the copy's Merkle root")
        XCTAssertTrue(online.standardOutput.contains("root               \(root)"), "the daemon's Merkle root")

        let back = try cluster.createDatabase()
        let toDatabase = try run([BuiltProducts.daemon, "copy", "--from", copied, "--to", back])
        XCTAssertEqual(toDatabase.exitCode, 0, toDatabase.standardError)
        XCTAssertEqual(try frames(cluster, back), try frames(cluster, url), "the same frames, byte for byte")
        XCTAssertEqual(
            toDatabase.standardOutput.split(separator: "\n").dropFirst(),
            toFolder.standardOutput.split(separator: "\n").dropFirst(),
            "the same head and Merkle root"
        )
        let logBytes = try Data(contentsOf: URL(fileURLWithPath: "\(copied)/ledger.log"))
        XCTAssertEqual(
            logBytes.dropFirst(32).map { String(format: "%02x", $0) }.joined(),
            try frames(cluster, url),
            "the log file holds the rows' frames after its header"
        )

        let refused = try run([BuiltProducts.daemon, "copy", "--from", copied, "--to", back])
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertTrue(refused.standardError.contains("copy_destination_not_empty"), refused.standardError)
    }

    /// `accord verify` while one byte of the row at `position` is flipped; the row is put back before returning.
    private func tamperedVerification(
        _ cluster: PostgresCluster,
        _ url: String,
        _ cli: CLIRunner,
        position: Int
    ) throws -> CommandResult {
        let row = "FROM accord_ledger WHERE position = \(position)"
        let original = try cluster.sql("SELECT encode(frame, 'hex') \(row)", database: database(url))
        let flip = "set_byte(frame, 60, get_byte(frame, 60) # 1)"
        _ = try cluster.sql("UPDATE accord_ledger SET frame = \(flip) WHERE position = \(position)", database: database(url))
        defer {
            _ = try? cluster.sql(
                "UPDATE accord_ledger SET frame = decode('\(original)', 'hex') WHERE position = \(position)",
                database: database(url)
            )
        }
        return try cli.run(["verify"])
    }

    func testAPasswordInTheAddressIsRefusedBeforeAnythingStarts() throws {
        let folder = try TemporaryFolder()
        let result = try run([
            BuiltProducts.daemon, "--socket", folder.file("a.sock"), "--data-dir", folder.file("data"),
            "--log-target", "stderr", "--store", "postgresql://accord:secret@localhost/accord",
        ])
        XCTAssertNotEqual(result.exitCode, 0)
        XCTAssertTrue(result.standardError.contains("--store-password-file"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("a.sock")))
    }
}
