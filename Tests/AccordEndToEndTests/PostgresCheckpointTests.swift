import AccordProof
import Crypto
import Foundation
import PostgresTestSupport
import XCTest

@testable import AccordLog

/// Checkpoints and proofs on a PostgreSQL store, with the real binaries and a real PostgreSQL (the test cluster):
/// the checkpoints kept in `accord_checkpoints` beside the records, a consistency proof from an old one, and the
/// records changed with SQL (the hash chain recomputed, so only the Merkle root sees it) or deleted, found by
/// `accord verify` (exit 1) and refused at start (exit 65) as on a log file.
final class PostgresCheckpointTests: XCTestCase {
    private var cluster: PostgresCluster!
    private var url = ""
    private var folder: TemporaryFolder!

    override func setUp() async throws {
        guard let shared = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        cluster = shared
        url = try shared.createDatabase()
        folder = try TemporaryFolder()
        // Only the checkpoints the test asks for, so that their numbers and sizes are known.
        try Data(#"{"checkpointIntervalSeconds": 86400}"#.utf8).write(
            to: URL(fileURLWithPath: folder.file("accordd.json"))
        )
    }

    private var database: String { String(url.split(separator: "?")[0].split(separator: "/").last ?? "") }

    /// The writer (`name` "accord"), or a read-only daemon of its own name and data folder.
    private func daemon(_ name: String = "accord") throws -> DaemonProcess {
        try DaemonProcess(
            socketPath: folder.file("\(name).sock"),
            dataDirectory: folder.file(name == "accord" ? "data" : "data-\(name)"),
            extraArguments: ["--store", url, "--config", folder.file("accordd.json")]
                + (name == "accord" ? [] : ["--read-only"])
        )
    }

    private func register(_ cli: CLIRunner, _ ids: Range<Int>) throws {
        for index in ids {
            let result = try cli.run(PostgresStandbyTests.register("i-\(index)"))
            XCTAssertEqual(result.exitCode, 0, result.standardError)
        }
    }

    /// The rows' frames, in position order.
    private func frames() throws -> [[UInt8]] {
        try cluster.sql("SELECT encode(frame, 'hex') FROM accord_ledger ORDER BY position", database: database)
            .split(separator: "\n").map { line in
                stride(from: 0, to: line.count, by: 2).map { offset in
                    let start = line.index(line.startIndex, offsetBy: offset)
                    return UInt8(line[start..<line.index(start, offsetBy: 2)], radix: 16)!
                }
            }
    }

    /// Writes `frames` over the rows of their positions.
    private func write(_ frames: [[UInt8]]) throws {
        for (index, frame) in frames.enumerated() {
            let hex = frame.map { String(format: "%02x", $0) }.joined()
            try cluster.sql(
                "UPDATE accord_ledger SET frame = decode('\(hex)', 'hex') WHERE position = \(index + 1)",
                database: database
            )
        }
    }

    /// Starts accordd on the database, expecting it to refuse; returns what it said.
    private func refusedStart(_ name: String = "accord") async throws -> String {
        let refused = try daemon(name)
        try refused.process.run()
        let status = try await refused.exitStatus(withinSeconds: 30)
        XCTAssertEqual(status, 65, refused.errors)
        return refused.errors
    }

    /// The writer started, `count` institutions registered and a checkpoint of them signed (what it printed).
    private func signedWriter(records count: Int) async throws -> (DaemonProcess, CLIRunner, CommandResult) {
        let writer = try daemon()
        try await writer.start()
        let cli = CLIRunner(socketPath: writer.socketPath)
        try register(cli, 0..<count)
        let signed = try cli.run(["checkpoint", "--sign"])
        XCTAssertEqual(signed.exitCode, 0, signed.standardError)
        XCTAssertTrue(signed.standardOutput.contains("\n\(count)\n"), signed.standardOutput)
        return (writer, cli, signed)
    }

    func testCheckpointsAndProofsOnPostgreSQLAndARewriteOrARollbackFoundByVerifyAndAtStart() async throws {
        var (running, cli, old) = try await signedWriter(records: 6)
        try old.standardOutput.write(toFile: folder.file("old-checkpoint.txt"), atomically: true, encoding: .utf8)
        let key = try cli.run(["key"])
        XCTAssertEqual(key.exitCode, 0, key.standardError)
        try key.standardOutput.write(toFile: folder.file("log.key"), atomically: true, encoding: .utf8)
        try register(cli, 6..<10)

        // An inclusion proof (signing a checkpoint that covers the record), checked with no daemon.
        let proof = try cli.run(["prove", "9", "--output", folder.file("record.proof")])
        XCTAssertEqual(proof.exitCode, 0, proof.standardError)
        let checked = try cli.run(["verify", "--proof", folder.file("record.proof"), "--key", folder.file("log.key")])
        XCTAssertEqual(checked.exitCode, 0, checked.standardError + checked.standardOutput)
        // A consistency proof from the checkpoint of 6 records to the latest.
        let extended = try cli.run(["verify", "--checkpoint", folder.file("old-checkpoint.txt")])
        XCTAssertEqual(extended.exitCode, 0, extended.standardError + extended.standardOutput)
        let verified = try cli.run(["verify"])
        XCTAssertEqual(verified.exitCode, 0, verified.standardError + verified.standardOutput)
        XCTAssertTrue(verified.standardOutput.contains("10 verified"), verified.standardOutput)
        let kept = try cluster.sql("SELECT count(*), max(number) FROM accord_checkpoints", database: database)
        let stored = try XCTUnwrap(Int(kept.split(separator: "|")[0]))
        XCTAssertGreaterThanOrEqual(stored, 2, "the checkpoints are rows beside the records")
        XCTAssertEqual(kept, "\(stored)|\(stored)", "numbered from 1 without a gap")

        // A record changed with SQL and the chain after it recomputed: the chain is whole, the root is not.
        let original = try frames()
        var rewritten = original
        try ProofFixture.rewrite(&rewritten, position: 4) { payload in
            payload.replacingOccurrences(of: "Institution i-3", with: "Institution forged")
        }
        XCTAssertNotEqual(rewritten, original)
        try write(rewritten)
        let found = try cli.run(["verify"])
        XCTAssertEqual(found.exitCode, 1, found.standardError + found.standardOutput)
        XCTAssertTrue(found.standardOutput.contains("checkpoint_contradicted"), found.standardOutput)
        XCTAssertTrue(found.standardOutput.contains("between positions 1 and 6"), found.standardOutput)
        var stopped = try await running.stop()
        XCTAssertEqual(stopped, 0, running.errors)
        let contradicted = try await refusedStart()
        XCTAssertTrue(contradicted.contains("log_checkpoint_contradicted"), contradicted)
        XCTAssertTrue(contradicted.contains("checkpoint 1 of accord_checkpoints (tree size 6"), contradicted)

        // Put back, it starts again; with its last records deleted, it is shorter than a checkpoint.
        try write(original)
        running = try daemon()
        try await running.start()
        XCTAssertEqual(try cli.run(["verify"]).exitCode, 0)
        stopped = try await running.stop()
        XCTAssertEqual(stopped, 0, running.errors)
        try cluster.sql("DELETE FROM accord_ledger WHERE position > 8", database: database)
        let shorter = try await refusedStart()
        XCTAssertTrue(shorter.contains("log_shorter_than_checkpoint"), shorter)
        XCTAssertTrue(shorter.contains("holds 8 records"), shorter)
    }

    /// A read-only daemon checks the checkpoints it serves with the log's key: with the writer's key it serves them,
    /// with another it refuses them at start and says that the pair needs one key. One that reaches it later, signed
    /// with the key but contradicting the records it holds, stops it (exit 65).
    func testAReadOnlyDaemonServesTheWritersCheckpointsOnlyWithTheWritersKey() async throws {
        let (writer, _, signed) = try await signedWriter(records: 3)

        let otherKey = try await refusedStart("other")
        XCTAssertTrue(otherKey.contains("checkpoint_store_damaged"), otherKey)
        XCTAssertTrue(otherKey.contains("both daemons need the same key"), otherKey)

        try PostgresStandbyTests.copySigningKey(from: folder.file("data"), to: folder.file("data-reader"))
        let reader = try daemon("reader")
        try await reader.start()
        let served = try CLIRunner(socketPath: reader.socketPath).run(["checkpoint"])
        XCTAssertEqual(served.standardOutput, signed.standardOutput, served.standardError)

        // Signed with the log's key (as by a writer that was fed other records), stored after the writer's.
        let seed = try String(contentsOfFile: folder.file("data/checkpoint-signing.key"), encoding: .utf8)
        let key = try Curve25519.Signing.PrivateKey(
            rawRepresentation: try XCTUnwrap(Data(base64Encoded: seed.trimmingCharacters(in: .whitespacesAndNewlines)))
        )
        let origin = try Checkpoint(parsing: try SignedNote(parsing: signed.standardOutput).text).origin
        let forged = try Checkpoint(origin: origin, size: 3, root: TreeHash(bytes: [UInt8](repeating: 7, count: 32)))
            .signed(by: try NoteSigner(name: origin, privateKey: key))
        let number = try cluster.sql("SELECT max(number) + 1 FROM accord_checkpoints", database: database)
        try cluster.sql(
            "INSERT INTO accord_checkpoints VALUES (\(number), '\(forged.serialized)')",
            database: database
        )
        let readerStatus = try await reader.exitStatus(withinSeconds: 30)
        XCTAssertEqual(readerStatus, 65, reader.errors)
        XCTAssertTrue(reader.errors.contains("log_checkpoint_contradicted"), reader.errors)
        let writerStatus = try await writer.stop()
        XCTAssertEqual(writerStatus, 0, writer.errors)
    }
}
