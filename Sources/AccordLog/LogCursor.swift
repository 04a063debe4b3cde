/// Iterates verified records of a `LogReader` in position order. Not thread-safe: one cursor per task.
public struct LogCursor {
    private let reader: LogReader
    private var scanner: FrameScanner
    private let start: UInt64
    private let limit: ChainHead?
    private var finished = false

    init(reader: LogReader, scanner: FrameScanner, from start: UInt64, limit: ChainHead?) {
        self.reader = reader
        self.scanner = scanner
        self.start = start
        self.limit = limit
    }

    /// The next record, or nil at the end (the limit, or the end of the file).
    public mutating func next() throws(LogError) -> Record? {
        while !finished {
            if let limit, scanner.nextPosition > limit.position {
                finished = true
                return nil
            }
            if (scanner.nextPosition - 1) % LogReader.checkpointIntervalRecords == 0 {
                reader.remember(scanner.checkpoint)
            }
            switch try scanner.next() {
            case .record(let record, _):
                if let limit, record.position == limit.position, record.hashHex != limit.hash {
                    throw LogError(
                        code: LogErrorCode.headNotFound,
                        message: "Record \(record.position) of \(reader.path) has hash \(record.hashHex), not "
                            + "\(limit.hash) as the head to read through says: this file is not the log that head "
                            + "came from, or it was replaced.",
                        position: record.position
                    )
                }
                if record.position >= start { return record }
            case .end:
                finished = true
                if let limit, scanner.nextPosition <= limit.position {
                    throw LogError(
                        code: LogErrorCode.headNotFound,
                        message: "\(reader.path) ends after record \(scanner.nextPosition - 1), before record "
                            + "\(limit.position) that the head to read through names: the file is shorter than "
                            + "the log that head came from.",
                        position: scanner.nextPosition,
                        offset: scanner.offset
                    )
                }
                return nil
            case .damaged(let damage):
                let torn = try scanner.classify(damage, setAsideDamagedTail: false)
                throw LogError(
                    code: LogErrorCode.tornTail,
                    message: "\(reader.path) ends with a torn record at byte offset \(torn.offset) (\(torn)). "
                        + "Opening the log with accordd sets such a tail aside; to read a log that accordd is "
                        + "writing, read through the head it reported.",
                    position: scanner.nextPosition,
                    offset: torn.offset
                )
            }
        }
        return nil
    }

    /// How far this cursor has read.
    public var progress: VerificationProgress {
        VerificationProgress(
            recordsVerified: scanner.nextPosition - 1,
            bytesVerified: scanner.offset,
            totalBytes: scanner.endOffset
        )
    }
}
