import Synchronization
import SystemPackage

/// Reads a log file independently of its writer (its own read-only descriptor, no lock), verifying every
/// record it returns with the same parser as the writer: CRC-32C, gapless positions and the hash chain from
/// genesis. Safe to use from several threads and while a writer appends, provided that a live log is read
/// through a head the writer reported durable (`through: writer.head`).
///
/// The descriptor closes when the reader and its last cursor are gone, so no cursor can ever read through a
/// descriptor number that was closed and reused.
public final class LogReader: Sendable {
    /// A verified checkpoint is kept every this many records, so that reading from a position rescans at most
    /// this many records once the reader has passed that position.
    static let checkpointIntervalRecords: UInt64 = 1_024

    public let path: FilePath
    let file: LogFile
    /// Checkpoints of records 1, 1 + interval, 1 + 2 × interval, …: each one verified by an earlier scan.
    private let checkpoints = Mutex([ChainCheckpoint.genesis])

    private init(path: FilePath, file: LogFile) {
        self.path = path
        self.file = file
    }

    deinit {
        _ = try? file.close()
    }

    /// Opens the log read-only and checks its header.
    public static func open(path: FilePath) throws(LogError) -> LogReader {
        let file = try LogFile.open(path, access: .readOnly)
        do throws(LogError) {
            try FileHeader.verify(try file.read(count: LogFormat.headerBytes, at: 0), path: path.string)
        } catch {
            _ = try? file.close()
            throw error
        }
        return LogReader(path: path, file: file)
    }

    /// A cursor over the records from `position` (1 if 0 is given). With `limit`, it stops after record
    /// `limit.position` and checks that its hash is `limit.hash`; without one, it reads every record the file
    /// holds when the cursor is made, and reports a torn record at the end as `log_torn_tail`.
    public func cursor(from position: UInt64 = 1, through limit: ChainHead? = nil) throws(LogError) -> LogCursor {
        let start = max(position, 1)
        let checkpoint = checkpoints.withLock { checkpoints in
            checkpoints[Int(min((start - 1) / Self.checkpointIntervalRecords, UInt64(checkpoints.count - 1)))]
        }
        let scanner = FrameScanner(file: file, from: checkpoint, endOffset: try file.size())
        return LogCursor(reader: self, scanner: scanner, from: start, limit: limit)
    }

    /// Up to `maximumCount` records from `position`: one page of the event log.
    public func records(
        from position: UInt64,
        through limit: ChainHead? = nil,
        maximumCount: Int
    ) throws(LogError) -> [Record] {
        var cursor = try cursor(from: position, through: limit)
        var page: [Record] = []
        while page.count < maximumCount, let record = try cursor.next() {
            page.append(record)
        }
        return page
    }

    /// Verifies the whole file, as `LogWriter.open` does, without changing it; a torn tail is an error here.
    /// Returns the head. For offline checks of a copy of the log.
    public func verify(
        progressIntervalRecords: UInt64 = 10_000,
        progress: ((VerificationProgress) -> Void)? = nil
    ) throws(LogError) -> ChainHead {
        var cursor = try cursor(from: 1)
        var head = ChainHead.genesis
        while let record = try cursor.next() {
            head = record.chainHead
            if progressIntervalRecords > 0, record.position % progressIntervalRecords == 0 {
                progress?(cursor.progress)
            }
        }
        progress?(cursor.progress)
        return head
    }

    /// How many checkpoints the reader holds (genesis included).
    var checkpointCount: Int { checkpoints.withLock { $0.count } }

    /// Keeps `checkpoint` if it is the next one of the contiguous series.
    func remember(_ checkpoint: ChainCheckpoint) {
        checkpoints.withLock { checkpoints in
            if checkpoint.position == checkpoints.last!.position + Self.checkpointIntervalRecords {
                checkpoints.append(checkpoint)
            }
        }
    }
}
