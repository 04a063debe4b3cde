import AccordEngine
import AccordLog
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `accordd --import FILE`: loads an `accord export` file into an empty ledger, offline (the daemon must not run
/// on the data folder: the log's lock refuses a second writer). A first pass verifies every line and the file's
/// chain and appends nothing; the second appends the records at their positions with their own fields, each with
/// its provenance entry, a thousand at a time.
struct LedgerImport {
    let file: String
    let dataDirectory: String
    /// Whether to draw a progress bar on standard error (a terminal).
    let showProgress: Bool

    static let recordsPerAppend = 1_000

    /// The number of events imported and the new ledger's head.
    func run() async throws(ImportError) -> (events: UInt64, head: ChainHead) {
        let reader = try ExportLineReader(path: file)
        let lastHash = try verify(reader)
        let engine: LedgerEngine
        do {
            engine = try LedgerEngine.open(dataDirectory: dataDirectory, clock: { Date() }, progress: { _ in })
        } catch {
            throw ImportError(code: error.code, message: "the ledger cannot be opened: \(error.message)", cause: error)
        }
        defer { _ = try? engine.close() }
        guard engine.head.position == 0 else {
            throw ImportError(
                code: ImportError.ledgerNotEmpty,
                message:
                    "the ledger in \(dataDirectory) already holds \(engine.head.position) events; an import loads only into an empty ledger: give --data-dir a new folder"
            )
        }
        try reader.rewind()
        var previousHash = LogFormat.genesisHash
        var batch: [Record] = []
        while let line = try reader.next() {
            let record = try ExportedLine.verify(line, number: reader.lineNumber, previousHash: previousHash)
            previousHash = record.hash
            batch.append(record)
            if batch.count == LedgerImport.recordsPerAppend { try await append(&batch, to: engine, total: reader) }
        }
        try await append(&batch, to: engine, total: reader)
        guard previousHash == lastHash else {
            throw ImportError(
                code: ImportError.fileChanged,
                message:
                    "\(file) changed between its verification and its import (its last hash is now \(Hex.encode(previousHash))); the ledger in \(dataDirectory) is incomplete: remove the folder and import again from a file nobody writes"
            )
        }
        do { try engine.close() } catch {
            throw ImportError(code: error.code, message: "the imported log did not close cleanly: \(error.message)")
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        return (reader.lineNumber, engine.head)
    }

    /// The first pass: every line and the chain, nothing appended. Returns the last line's hash.
    private func verify(_ reader: ExportLineReader) throws(ImportError) -> [UInt8] {
        var previousHash = LogFormat.genesisHash
        while let line = try reader.next() {
            previousHash = try ExportedLine.verify(line, number: reader.lineNumber, previousHash: previousHash).hash
            if showProgress, reader.lineNumber % 1_000 == 0 {
                LedgerImport.drawProgress("verifying", done: reader.bytesRead, of: reader.totalBytes, unit: "bytes")
            }
        }
        guard reader.lineNumber > 0 else {
            throw ImportError(
                code: ImportError.emptyFile,
                message: "\(file) holds no event; there is nothing to import"
            )
        }
        if showProgress {
            LedgerImport.drawProgress("verified", done: reader.totalBytes, of: reader.totalBytes, unit: "bytes")
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return previousHash
    }

    private func append(_ batch: inout [Record], to engine: LedgerEngine, total reader: ExportLineReader)
        async throws(ImportError)
    {
        guard let first = batch.first else { return }
        do {
            try await engine.importRecords(batch)
        } catch {
            throw ImportError(
                code: error.code,
                message:
                    "appending the records from position \(first.position) failed: \(error.message); the ledger in \(dataDirectory) is incomplete: remove the folder and import again",
                cause: error
            )
        }
        batch.removeAll(keepingCapacity: true)
        if showProgress {
            LedgerImport.drawProgress("imported", done: reader.bytesRead, of: reader.totalBytes, unit: "bytes")
        }
    }

    private static func drawProgress(_ phase: String, done: UInt64, of total: UInt64, unit: String) {
        let width = 40
        let filled = total == 0 ? width : Int(min(done, total) * UInt64(width) / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(phase) [\(bar)] \(done)/\(total) \(unit)".utf8))
    }
}
