import AccordLog

/// The first pass of both importers (`accordd --import`, `accord import`): every line of an export file checked on
/// its own and against the line before (`ExportedLine`), nothing appended, so a bad file is refused whole.
public enum ExportFileCheck {
    /// The file's number of lines and its last line's hash; the reader is left at the end.
    public static func verify(_ reader: ExportLineReader, showProgress: Bool) throws(ImportError)
        -> (lines: UInt64, lastHash: [UInt8])
    {
        var previousHash = LogFormat.genesisHash
        while let line = try reader.next() {
            previousHash = try ExportedLine.verify(line, number: reader.lineNumber, previousHash: previousHash).hash
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
