import AccordAPI
import AccordLog
import AccordProof
import AccordTransparency
import ArgumentParser
import Foundation

/// `accord export --evidence DIR`: an evidence folder that an auditor checks with nothing but Python 3.
struct EvidenceExport {
    static let discussion = """
        --evidence DIR gets: ledger.log (the log up to the latest checkpoint, which the daemon signs first), \
        checkpoints (every checkpoint with its cosignatures, oldest first), log.key (the verifier key), policy \
        (the witness policy given with --policy, else `quorum none`) and verify.py. Check it with \
        `python3 DIR/verify.py DIR` (better: with --key and --policy files obtained independently). This reads \
        the log file directly, so it runs where the data folder is readable (root, or the accord group).
        """

    let evidence: String
    let policyFile: String?
    let global: GlobalOptions

    func run() async throws {
        let files = FileManager.default
        if let existing = try? files.contentsOfDirectory(atPath: evidence), !existing.isEmpty {
            throw CommandFailure(code: .folderNotEmpty, message: "\(evidence) is not empty; give a new or empty folder")
        }
        let policy = try policyFile.map { try ProofInputs.text(of: $0, what: "the witness policy") }
        if let policy {
            do {
                _ = try WitnessPolicy(parsing: policy)
            } catch {
                throw CommandFailure(code: .invalidWitnessPolicy, message: "the witness policy \(policyFile!): \(error)")
            }
        }
        let client = global.client
        let latestText = String(
            decoding: try await client.post(TransparencyRoute.signCheckpoint.pathTemplate),
            as: UTF8.self
        )
        let checkpoints = String(
            decoding: try await client.get(TransparencyRoute.allCheckpoints.pathTemplate),
            as: UTF8.self
        )
        let key = String(decoding: try await client.get(TransparencyRoute.verifierKey.pathTemplate), as: UTF8.self)
        let status = try await client.get("/v1/status", as: StatusReport.self)
        let latest: Checkpoint
        do {
            latest = try Checkpoint(parsing: try SignedNote(parsing: latestText).text)
        } catch {
            throw CommandFailure(
                code: .invalidCheckpoint,
                message: "the daemon's latest checkpoint does not parse: \(error)",
                exitCode: ExitStatus.refused
            )
        }
        do {
            try files.createDirectory(atPath: evidence, withIntermediateDirectories: true)
            try copyLog(status.logFile, records: latest.size, to: "\(evidence)/ledger.log")
            try write(checkpoints, "checkpoints")
            try write(key, "log.key")
            try write(
                policy ?? "# No witness is required: the checkpoints are proven by the log's key alone.\nquorum none\n",
                "policy"
            )
            try write(VerifierScript.text, "verify.py")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(
                code: .unwritableFile,
                message: "cannot write the evidence folder \(evidence): \(error)",
                exitCode: ExitStatus.refused
            )
        }
        print(
            "evidence for \(latest.size) records written to \(evidence); check it with: python3 \(evidence)/verify.py \(evidence)"
        )
    }

    /// Copies the log's header and first `records` records: what the latest checkpoint covers, so records
    /// appended meanwhile are not left uncovered in the copy.
    private func copyLog(_ logPath: String, records: UInt64, to destination: String) throws {
        let reader: LogReader
        do {
            reader = try LogReader.open(path: .init(logPath))
        } catch {
            throw CommandFailure(
                code: .unreadableFile,
                message: "cannot read the log \(logPath) (\(error.message)); export where the data folder is readable",
                exitCode: ExitStatus.refused
            )
        }
        var cursor = try reader.cursor(from: 1)
        var read: UInt64 = 0
        while read < records, try cursor.next() != nil { read += 1 }
        guard read == records else {
            throw CommandFailure(
                code: .logChanged,
                message: "the log holds fewer records than its latest checkpoint",
                exitCode: ExitStatus.refused
            )
        }
        guard let input = FileHandle(forReadingAtPath: logPath),
            FileManager.default.createFile(atPath: destination, contents: nil),
            let output = FileHandle(forWritingAtPath: destination)
        else {
            throw CommandFailure(
                code: .unwritableFile,
                message: "cannot copy the log \(logPath) to \(destination)",
                exitCode: ExitStatus.refused
            )
        }
        defer {
            try? input.close()
            try? output.close()
        }
        var remaining = cursor.progress.bytesVerified
        while remaining > 0 {
            let chunk = try input.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
            guard !chunk.isEmpty else { throw CommandFailure(code: .logChanged, message: "\(logPath) became shorter while it was copied") }
            try output.write(contentsOf: chunk)
            remaining -= UInt64(chunk.count)
        }
    }

    private func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(evidence)/\(name)"))
    }
}
