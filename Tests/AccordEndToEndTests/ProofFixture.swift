import Foundation
import XCTest

@testable import AccordLog

/// A ledger whose daemon signed a checkpoint of the walk-through's eight events and stopped, with what an auditor
/// keeps: the verifier key, a copy of the checkpoints, and an evidence folder exported before any tampering.
struct ProofFixture {
    let ledger: LedgerFixture
    let key: String
    let evidence: String

    var logPath: String { "\(ledger.dataDirectory)/ledger.log" }
    var checkpointsPath: String { "\(ledger.dataDirectory)/checkpoints" }
    var evidenceLog: String { "\(evidence)/ledger.log" }

    static func signed() async throws -> ProofFixture {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.accord(["checkpoint", "--sign"])
        let key = try ledger.accord(["key"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = ledger.folder.file("evidence")
        try ledger.accord(["export", "--evidence", evidence])
        try await ledger.daemon.stop()
        return ProofFixture(ledger: ledger, key: key, evidence: evidence)
    }

    /// The frames of a log file, after its header.
    static func frames(of path: String) throws -> (header: [UInt8], frames: [[UInt8]]) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var frames: [[UInt8]] = []
        var offset = LogFormat.headerBytes
        while offset < bytes.count {
            guard case .success(let length) = RecordFrame.envelope(bytes[offset...].prefix(8), offset: UInt64(offset))
            else { break }
            frames.append(Array(bytes[offset..<offset + length]))
            offset += length
        }
        return (Array(bytes[..<LogFormat.headerBytes]), frames)
    }

    static func write(_ header: [UInt8], _ frames: [[UInt8]], to path: String) throws {
        try Data(header + frames.joined()).write(to: URL(fileURLWithPath: path))
    }

    /// Applies the same tampering to the daemon's log and to the exported copy.
    func tamper(_ change: (inout [[UInt8]]) throws -> Void) throws {
        for path in [logPath, evidenceLog] {
            var (header, frames) = try Self.frames(of: path)
            try change(&frames)
            try Self.write(header, frames, to: path)
        }
    }

    /// Rewrites record `position`'s payload and recomputes every hash and checksum after it, as a forger would.
    static func rewrite(_ frames: inout [[UInt8]], position: Int, payload: (String) -> String) throws {
        var previousHash = LogFormat.genesisHash
        for index in frames.indices {
            var record = try Record(frame: frames[index])
            if index + 1 == position {
                record.payload = Array(payload(String(decoding: record.payload, as: UTF8.self)).utf8)
            }
            let (bytes, rewritten) = RecordFrame.encode(
                record.draft,
                position: record.position,
                previousHash: previousHash
            )
            frames[index] = bytes
            previousHash = rewritten.hash
        }
    }

    /// Starts a daemon on the tampered data folder and returns its output, checking that it exits 65.
    func refusedStart(file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let daemon = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.dataDirectory)
        try daemon.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !daemon.process.isRunning }
        XCTAssertTrue(exited, "the start must stop", file: file, line: line)
        XCTAssertEqual(daemon.process.terminationStatus, 65, daemon.errors, file: file, line: line)
        return daemon.errors
    }

    /// `accord verify --log` on the exported copy, against the exported checkpoints.
    func offlineVerify() throws -> CommandResult {
        try ledger.cli.run(["verify", "--log", evidenceLog, "--checkpoint", "\(evidence)/checkpoints", "--key", key])
    }

    /// `python3 verify.py` on the evidence folder.
    func verifyPy() throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(evidence)/verify.py", evidence]
        let (status, text) = try ChildOutput.run(process)
        return CommandResult(exitCode: status, standardOutput: text, standardError: text)
    }
}
