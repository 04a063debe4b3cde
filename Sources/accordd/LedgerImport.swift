import AccordDomain
import AccordEngine
import AccordLog
import AccordTransparency
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
        try refuseUnfinishedImport()
        let reader = try ExportLineReader(path: file)
        let lastHash = try ExportFileCheck.verify(reader, showProgress: showProgress).lastHash
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
            let record = try ExportedLine.verify(line, number: reader.lineNumber, previousHash: previousHash).record
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
        if showProgress { ProgressBar.end() }
        return (reader.lineNumber, engine.head)
    }

    /// An import through the daemon left its marker here: only that import, through the daemon, may go on.
    private func refuseUnfinishedImport() throws(ImportError) {
        let marker = ImportMarker(dataDirectory: dataDirectory)
        let unfinished: ImportMarker.File?
        do { unfinished = try marker.load() } catch { throw ImportError(code: error.code, message: error.message) }
        guard let unfinished else { return }
        throw ImportError(
            code: ImportErrorCode.unfinished,
            message:
                "\(marker.path) marks an unfinished import through the daemon (a \(unfinished.lines)-line export, last hash \(unfinished.lastHash)); `accordd --import` does not go on with it: start accordd on \(dataDirectory) and run `accord import FILE` with that file to finish it"
        )
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
                line: (error.cause as? RecordedEventRefusal)?.position,
                cause: error
            )
        }
        batch.removeAll(keepingCapacity: true)
        if showProgress {
            ProgressBar.draw("imported", done: reader.bytesRead, of: reader.totalBytes, unit: "bytes")
        }
    }
}
