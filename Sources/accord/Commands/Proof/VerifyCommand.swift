import AccordAPI
import AccordClient
import AccordLog
import AccordProof
import AccordTransparency
import ArgumentParser
import Foundation

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the log, a proof or an old checkpoint: online through the daemon, or offline on a copy.",
        discussion: """
            accord verify                                  the daemon re-reads every record from disk: CRC-32C, \
            positions, hash chain, the Merkle root at every checkpoint, signatures and the witness quorum (on a \
            PostgreSQL store the rows and the checkpoints kept beside them, the same checks)
            accord verify --log FILE [--checkpoint FILE --key KEY] [--policy FILE]
                                                           the same on a copy of the log, with no daemon
            accord verify --proof FILE --key KEY [--policy FILE]
                                                           checks a proof written by `accord prove`, with no daemon
            accord verify --checkpoint OLD_FILE [--key KEY]
                                                           asks the daemon for a consistency proof from an old \
            checkpoint to the latest and checks it here: today's log extends the one you kept

            Findings are graded. Exit codes: 0 clean (notices are printed), 1 manipulation (a record or checkpoint \
            contradicts the log), 2 gap (something is not proven: records no checkpoint covers, a witness missing), \
            64 usage error, 3 daemon unreachable.
            """
    )

    static let usage: Int32 = 64
    static let manipulation: Int32 = 1
    static let gap: Int32 = 2

    @Option(name: .customLong("log"), help: ArgumentHelp("Verify this copy of ledger.log offline.", valueName: "file"))
    var logFile: String?

    @Option(
        name: .customLong("proof"),
        help: ArgumentHelp("Verify this proof (from `accord prove`) offline; needs --key.", valueName: "file")
    )
    var proofFile: String?

    @Option(
        name: .customLong("checkpoint"),
        help: ArgumentHelp(
            "With --log: the checkpoints to check the copy against (one note, or a checkpoints file). Alone: an old checkpoint the daemon's log must extend.",
            valueName: "file"
        )
    )
    var checkpointFile: String?

    @Option(
        name: .customLong("key"),
        help: ArgumentHelp(
            "The log's verifier key (as `accord key` prints it), or a file holding it. Required offline.",
            valueName: "key"
        )
    )
    var key: String?

    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp("A witness policy: report a checkpoint short of its quorum as a gap.", valueName: "file")
    )
    var policyFile: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if let proofFile {
            guard logFile == nil, checkpointFile == nil else {
                throw CommandFailure(
                    code: .usage,
                    message: "--proof is checked alone: leave out --log and --checkpoint",
                    exitCode: Self.usage
                )
            }
            try ProofVerification.run(proofFile: proofFile, key: try requiredKey("--proof"), policyFile: policyFile)
            return
        }
        if let logFile {
            try offline(logFile)
            return
        }
        if let checkpointFile {
            try await ConsistencyVerification(global: global, key: key).run(oldFile: checkpointFile)
            return
        }
        guard key == nil, policyFile == nil else {
            throw CommandFailure(
                code: .usage,
                message: "--key and --policy are for offline checks (--log, --proof); the daemon uses its own",
                exitCode: Self.usage
            )
        }
        try await online()
    }

    private func requiredKey(_ option: String) throws -> NoteVerifier {
        guard let key else {
            throw CommandFailure(
                code: .usage,
                message: "\(option) needs --key KEY: the log's verifier key, as `accord key` prints it, obtained from "
                    + "someone you trust (not from the copy being checked)",
                exitCode: Self.usage
            )
        }
        return try ProofInputs.logKey(key)
    }

    private func offline(_ logFile: String) throws {
        var notes: [String] = []
        var logKey: NoteVerifier?
        if let checkpointFile {
            notes = try ProofInputs.checkpointNotes(checkpointFile)
            logKey = try requiredKey("--checkpoint")
        } else if let key {
            logKey = try ProofInputs.logKey(key)
        }
        guard FileManager.default.isReadableFile(atPath: logFile) else {
            throw CommandFailure(code: .unreadableFile, message: "cannot read the log \(logFile); check the path", exitCode: Self.usage)
        }
        let verification = LogVerification(
            logPath: logFile,
            checkpointNotes: notes,
            logKey: logKey,
            policy: try policyFile.map(ProofInputs.policy)
        )
        let progress = ProgressLine(label: "verifying \(logFile)")
        let report = verification.run(finishedAt: { Date() }) { progress.show($0.bytesVerified, of: $0.totalBytes) }
        progress.finish()
        try finish(report)
    }

    private func online() async throws {
        let client = global.client
        do {
            _ = try await client.post(TransparencyRoute.signCheckpoint.pathTemplate)
        } catch {
            // A read-only standby signs nothing: it verifies against the primary's checkpoints it holds, and its
            // report says which records none covers yet.
            guard error.code == LogErrorCode.readOnly else { throw error }
        }
        let progress = ProgressLine(label: "the daemon is verifying its log")
        let report = try await withThrowingTaskGroup(of: VerificationReport?.self) { tasks in
            tasks.addTask {
                let bytes = try await client.post(TransparencyRoute.verify.pathTemplate)
                return try client.decode(VerificationReport.self, from: bytes)
            }
            tasks.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(200))
                    let status = try await client.get(
                        TransparencyRoute.lastVerification.pathTemplate,
                        as: VerificationStatus.self
                    )
                    if let running = status.inProgress { progress.show(running.bytesVerified, of: running.totalBytes) }
                }
                return nil
            }
            defer { tasks.cancelAll() }
            while let finished = try await tasks.next() {
                if let finished { return finished }
            }
            preconditionFailure("the verification task answers")
        }
        progress.finish()
        try finish(report)
    }

    private func finish(_ report: VerificationReport) throws {
        if global.json {
            try Console.printJSON(report)
        } else {
            VerificationPrinter.print(report)
        }
        switch report.worstGrade {
        case .manipulation: throw ExitCode(Self.manipulation)
        case .gap: throw ExitCode(Self.gap)
        case .notice, nil: return
        }
    }
}
