import AccordDomain
import AccordLog

/// The first pass of both importers (`accordd --import`, `accord import`): every line of an export file checked on
/// its own and against the line before (`ExportedLine`), and its event against the domain's rules as they stand after
/// the lines before (`LedgerState.checkRecorded`), nothing appended, so a bad file is refused whole.
public enum ExportFileCheck {
    /// The file's number of lines and its last line's hash; the reader is left at the end.
    public static func verify(_ reader: ExportLineReader, showProgress: Bool) throws(ImportError)
        -> (lines: UInt64, lastHash: [UInt8])
    {
        var previousHash = LogFormat.genesisHash
        var state = LedgerState.initial
        while let line = try reader.next() {
            let (record, recorded) = try ExportedLine.verify(
                line,
                number: reader.lineNumber,
                previousHash: previousHash
            )
            do throws(RecordedEventRefusal) {
                try state.checkRecorded(recorded, inStream: record.streamID)
            } catch {
                throw ImportError(
                    code: ImportError.ruleBroken,
                    message:
                        "\(error.message); nothing is imported: a ledger's rules hold for every event of its history, and the file breaks them here (written by hand, or by a ledger that did not check them)",
                    line: reader.lineNumber,
                    cause: error
                )
            }
            state.evolve(recorded)
            previousHash = record.hash
            if showProgress, reader.lineNumber % 1_000 == 0 {
                ProgressBar.draw("verifying", done: reader.bytesRead, of: reader.totalBytes, unit: "bytes")
            }
        }
        guard reader.lineNumber > 0 else {
            throw ImportError(
                code: ImportError.emptyFile,
                message: "\(reader.path) holds no event; there is nothing to import"
            )
        }
        if showProgress {
            ProgressBar.draw("verified", done: reader.totalBytes, of: reader.totalBytes, unit: "bytes")
            ProgressBar.end()
        }
        return (reader.lineNumber, previousHash)
    }
}
