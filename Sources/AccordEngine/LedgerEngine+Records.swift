import AccordDomain
import AccordLog
import Foundation
import SystemPackage

/// Between events and records: the one place that knows how an event is framed into the log and read back.
extension LedgerEngine {
    public static let logFileName = "ledger.log"
    public static let personalDataFolderName = "personal-data"

    /// Opens the data folder: verifies the whole log (a torn tail is set aside, other damage stops the start) and
    /// that it extends every tree head in `treeExpectations` (the checkpoints signed for it), replays it into the
    /// read models and the request-id index.
    public static func open(
        dataDirectory: String,
        clock: @escaping @Sendable () -> Date,
        setAsideDamagedTail: Bool = false,
        treeExpectations: [TreeExpectation] = [],
        progress: @escaping @Sendable (ReplayProgress) -> Void
    ) throws(EngineError) -> LedgerEngine {
        try prepareDataDirectory(dataDirectory)
        let logPath = "\(dataDirectory)/\(logFileName)"
        try refuseToStartOverALostLog(dataDirectory: dataDirectory, logPath: logPath)
        let writer: LogWriter
        let report: LogOpenReport
        var options = LogWriterOptions()
        options.setAsideDamagedTail = setAsideDamagedTail
        options.treeExpectations = treeExpectations
        options.progress = { verified in
            progress(ReplayProgress(phase: .verifying, completed: verified.bytesVerified, total: verified.totalBytes))
        }
        do {
            (writer, report) = try LogWriter.open(path: FilePath(logPath), options: options)
        } catch {
            throw EngineError.storage(error)
        }
        let reader = try LedgerEngine.openReader(logPath)
        let replay = try Replay.run(reader: reader, through: writer.head, progress: progress)
        precondition(
            replay.head == writer.head,
            "replay ended at \(replay.head) but the writer's head is \(writer.head)"
        )
        return LedgerEngine(
            writer: writer,
            reader: reader,
            recovery: report,
            replayed: replay,
            logPath: logPath,
            dataDirectory: dataDirectory,
            personalData: try PersonalDataStore(directory: "\(dataDirectory)/\(personalDataFolderName)"),
            clock: clock
        )
    }

    /// Creates the data folder (0750) if it is missing; the daemon keeps its checkpoints there too.
    public static func prepareDataDirectory(_ dataDirectory: String) throws(EngineError) {
        do {
            try FileManager.default.createDirectory(
                atPath: dataDirectory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o750]
            )
        } catch {
            throw EngineError(
                kind: .storage,
                code: "data_directory_unavailable",
                message: "cannot create the data folder \(dataDirectory); create it or choose another --data-dir",
                cause: error as NSError
            )
        }
    }

    /// A new, empty log is created only in a folder that never held a ledger: personal data or set-aside records
    /// without a log mean the log was lost or a restore is half done, and a new chain would hide that.
    static func refuseToStartOverALostLog(dataDirectory: String, logPath: String) throws(EngineError) {
        let files = FileManager.default
        guard !files.fileExists(atPath: logPath) else { return }
        let personal = (try? files.contentsOfDirectory(atPath: "\(dataDirectory)/\(personalDataFolderName)")) ?? []
        let setAside = ((try? files.contentsOfDirectory(atPath: dataDirectory)) ?? []).filter {
            $0.hasPrefix("\(logFileName).torn")
        }
        guard !personal.isEmpty || !setAside.isEmpty else { return }
        throw EngineError(
            kind: .storage,
            code: "log_missing",
            message:
                "\(dataDirectory) holds \(personal.isEmpty ? "set-aside records" : "personal data") but no \(logFileName): a ledger was kept here and its log is gone. Restore \(logFileName) from a backup, or move the folder away to start a new, empty ledger."
        )
    }

    static func draft(for recorded: RecordedEvent, requestID: String?, digest: [UInt8]) throws(EngineError)
        -> RecordDraft
    {
        let payload: Data
        do {
            payload = try recorded.event.encodedPayload()
        } catch {
            throw EngineError(
                kind: .storage,
                code: "event_unencodable",
                message: "cannot encode \(recorded.event.typeName): \(error)",
                cause: error as NSError
            )
        }
        return RecordDraft(
            recordedAtMicroseconds: Int64((recorded.recordedAt.timeIntervalSince1970 * 1_000_000).rounded(.down)),
            authorUserID: recorded.author.userID,
            authorName: recorded.author.name,
            eventType: recorded.event.typeName,
            streamID: recorded.event.streamID,
            requestID: requestID,
            requestDigest: requestID == nil ? nil : digest,
            payload: Array(payload)
        )
    }

    /// The log keeps microseconds; the engine decides with the same precision so replay rebuilds the same state.
    static func microsecondPrecision(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000_000).rounded(.down) / 1_000_000)
    }

    static func recordedEvent(from record: Record) throws(EngineError) -> RecordedEvent {
        let event: Event
        do {
            event = try Event.decode(typeName: record.eventType, payload: Data(record.payload))
        } catch {
            throw EngineError(
                kind: .storage,
                code: "event_undecodable",
                message:
                    "the record at position \(record.position) holds a \(record.eventType) this accordd cannot read (\(error)); is the log from a newer version?",
                cause: error as NSError
            )
        }
        return RecordedEvent(
            position: record.position,
            recordedAt: Date(timeIntervalSince1970: Double(record.recordedAtMicroseconds) / 1_000_000),
            author: Author(userID: record.authorUserID, name: record.authorName),
            event: event
        )
    }

    static func storedEvent(_ recorded: RecordedEvent, record: Record) -> StoredEvent {
        StoredEvent(
            recorded: recorded,
            streamID: record.streamID,
            requestID: record.requestID,
            previousHash: record.previousHashHex,
            hash: record.hashHex
        )
    }

    static func openReader(_ logPath: String) throws(EngineError) -> LogReader {
        do {
            return try LogReader.open(path: FilePath(logPath))
        } catch {
            throw EngineError.storage(error)
        }
    }

    /// Records read for one page at most, so a filter that matches little cannot hold a request for long; the
    /// page then ends early and `nextPosition` says where to go on.
    static let maximumRecordsScannedPerPage = 100_000

    /// A page of the log: records from `position` up to the durable head, filtered, at most `limit`.
    public func events(from position: UInt64, limit: Int, filter: EventFilter) throws(EngineError) -> (
        events: [StoredEvent], nextPosition: UInt64?
    ) {
        let head = self.head
        guard position <= head.position else { return ([], nil) }
        var events: [StoredEvent] = []
        var scanned = 0
        var cursor = try readerCursor(from: position, through: head)
        while let record = try nextRecord(&cursor) {
            guard events.count < limit, scanned < LedgerEngine.maximumRecordsScannedPerPage else {
                return (events, record.position)
            }
            scanned += 1
            let matches = filter.matches(
                eventType: record.eventType,
                streamID: record.streamID,
                authorName: record.authorName,
                authorUserID: record.authorUserID
            )
            if matches {
                events.append(LedgerEngine.storedEvent(try LedgerEngine.recordedEvent(from: record), record: record))
            }
        }
        return (events, nil)
    }

    /// The durable record at `position` as stored (for proofs that carry the record), read through the engine's
    /// reader, which knows where every 1,024th record starts, so this is not linear in the log.
    public func record(at position: UInt64) throws(EngineError) -> Record? {
        let head = self.head
        guard position >= 1, position <= head.position else { return nil }
        var cursor = try readerCursor(from: position, through: head)
        return try nextRecord(&cursor)
    }

    private func readerCursor(from position: UInt64, through head: ChainHead) throws(EngineError) -> LogCursor {
        do {
            return try reader.cursor(from: position, through: head)
        } catch {
            throw EngineError.storage(error, "cannot read \(logPath)")
        }
    }

    private func nextRecord(_ cursor: inout LogCursor) throws(EngineError) -> Record? {
        do {
            return try cursor.next()
        } catch {
            throw EngineError.storage(error, "cannot read \(logPath)")
        }
    }

    /// The events at the given positions, read back from the log (for a repeated request id).
    func storedEvents(positions: ClosedRange<UInt64>) throws(EngineError) -> [StoredEvent] {
        try events(from: positions.lowerBound, limit: positions.count, filter: EventFilter()).events
    }
}
