import AccordLog
import SystemPackage

/// The ledger in one hash-chained log file (docs/log-format.md): a `LogWriter` for appends and a `LogReader` that
/// remembers verified checkpoints, so that paging the log does not rescan it.
public final class FileLedgerStore: MerkleTreeStore {
    let writer: LogWriter
    let reader: LogReader
    /// What the open found and did (created, verified, a torn tail set aside).
    public let recovery: LogOpenReport

    /// Opens (or creates) the log and verifies it from genesis in one pass; `eachRecord` gets every record as soon
    /// as the log module's checks passed (see `LogWriter.open`), so the caller replays in the same pass.
    public static func open(
        path: String,
        options: LogWriterOptions,
        eachRecord: (Record) -> Void
    ) throws(LogError) -> FileLedgerStore {
        let (writer, report) = try LogWriter.open(path: FilePath(path), options: options, eachRecord: eachRecord)
        do throws(LogError) {
            return FileLedgerStore(writer: writer, reader: try LogReader.open(path: FilePath(path)), recovery: report)
        } catch {
            _ = try? writer.close()
            throw error
        }
    }

    private init(writer: LogWriter, reader: LogReader, recovery: LogOpenReport) {
        self.writer = writer
        self.reader = reader
        self.recovery = recovery
    }

    public var location: String { writer.path.string }

    public var durableHead: ChainHead { writer.head }

    /// The Merkle tree over the durable records (kept by the log writer in the tree file beside the log), for
    /// checkpoints and proofs. It may trail `durableHead` by the round being added.
    public var tree: TreeSnapshot { writer.tree }

    public func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> any PendingRecords {
        try writer.enqueue(drafts)
    }

    public func records(from position: UInt64, through head: ChainHead, limit: Int) async throws(LogError)
        -> [Record]
    {
        try reader.records(from: position, through: head, maximumCount: limit)
    }

    public var status: WriterStatus { writer.status }

    public func acknowledgeDiskFull() {
        writer.acknowledgeDiskFull()
    }

    public func close() throws(LogError) {
        try writer.close()
    }
}
