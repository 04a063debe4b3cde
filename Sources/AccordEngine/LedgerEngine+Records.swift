import AccordDomain
import AccordLog
import Foundation
import SystemPackage

/// Between events and records: the one place that knows how an event is framed into the log and read back.
extension LedgerEngine {
    public static let logFileName = "ledger.log"
    public static let personalDataFolderName = "personal-data"

    /// Opens the data folder: verifies the whole log (a torn tail is set aside, other damage stops the start) and
    /// that it extends every tree head in `treeExpectations` (the checkpoints signed for it), and replays it into
    /// the read models and the request-id index in the same pass.
    public static func open(
        dataDirectory: String,
        clock: @escaping @Sendable () -> Date,
        setAsideDamagedTail: Bool = false,
        treeExpectations: [TreeExpectation] = [],
        snapshotInterval: UInt64 = LedgerEngine.defaultSnapshotInterval,
        progress: @escaping @Sendable (ReplayProgress) -> Void
    ) throws(EngineError) -> LedgerEngine {
        try prepareDataDirectory(dataDirectory)
        let logPath = "\(dataDirectory)/\(logFileName)"
        try refuseToStartOverALostLog(dataDirectory: dataDirectory, logPath: logPath)
        var options = LogWriterOptions()
        options.setAsideDamagedTail = setAsideDamagedTail
        options.treeExpectations = treeExpectations
        options.progress = { verified in
            progress(
                ReplayProgress(
                    phase: .verifying,
                    completed: verified.bytesVerified,
                    total: verified.totalBytes,
                    events: verified.recordsVerified
                )
            )
        }
        // One pass: each record is replayed as soon as the log module has checked it; under a snapshot, the records
        // through its position only rebuild what it leaves out (the history, the indexes, the request ids) while it
        // loads, and the log's record there must have the snapshot's head hash.
        var replay = Replay()
        var refusal: SnapshotRefusal?
        switch LedgerSnapshot.read(dataDirectory: dataDirectory) {
        case .missing: break
        case .refused(let reason): refusal = reason
        case .loading(let loading): replay = Replay(restoring: loading)
        }
        // The records are replayed on a thread of their own while the pass verifies the next ones.
        let pipeline = ReplayPipeline(replay)
        let store: FileLedgerStore
        do {
            store = try FileLedgerStore.open(path: logPath, options: options) { record in pipeline.take(record) }
        } catch {
            _ = pipeline.finish()
            throw EngineError.storage(error)
        }
        switch pipeline.finish() {
        case .success(let replayed): replay = replayed
        case .failure(let error):
            _ = try? store.close()
            throw error
        }
        replay.resolveSnapshot()
        var outcome = SnapshotOutcome.none
        if let position = replay.usedSnapshot { outcome = .used(position: position) }
        if let refusal = refusal ?? replay.refusedSnapshot {
            outcome = .setAside(reason: refusal.reason, path: LedgerSnapshot.setAside(dataDirectory: dataDirectory))
        }
        return try LedgerEngine(
            store: store,
            replayed: replay,
            dataDirectory: dataDirectory,
            clock: clock,
            snapshotInterval: snapshotInterval,
            snapshotOutcome: outcome
        )
    }

    /// Events between two snapshots by default.
    public static let defaultSnapshotInterval: UInt64 = 100_000

    /// Opens a ledger on any store: reads and replays every durable record, then accepts commands. Personal data
    /// stays in files under `dataDirectory`.
    public static func open(
        store: any LedgerStore,
        dataDirectory: String,
        clock: @escaping @Sendable () -> Date,
        progress: @escaping @Sendable (ReplayProgress) -> Void = { _ in }
    ) async throws(EngineError) -> LedgerEngine {
        let replay = try await replay(store, through: store.durableHead, progress: progress)
        return try LedgerEngine(store: store, replayed: replay, dataDirectory: dataDirectory, clock: clock)
    }

    /// Reads and replays the store's records after `start`'s head through `head`, a page at a time.
    static func replay(
        _ store: any LedgerStore,
        through head: ChainHead,
        after start: Replay = Replay(),
        progress: @Sendable (ReplayProgress) -> Void = { _ in }
    ) async throws(EngineError) -> Replay {
        var replay = start
        while replay.head.position < head.position {
            let page: [Record]
            do throws(LogError) {
                page = try await store.records(from: replay.head.position + 1, through: head, limit: 10_000)
            } catch {
                throw EngineError.storage(error, "cannot read \(store.location)")
            }
            precondition(!page.isEmpty, "a store returned no records below its durable head")
            // The store checks the links inside a page; its first record must also link to where the replay stands
            // (genesis, the last page, or the head a standby served), or the store no longer holds the chain read.
            guard page[0].previousHashHex == replay.head.hash else {
                throw EngineError.storage(
                    LogError(
                        code: LogErrorCode.chainBroken,
                        message: "record \(page[0].position) of \(store.location) does not follow \(replay.head), "
                            + "which was read from it before (hash chain broken): the records before it were "
                            + "replaced; restore the store from a backup, or point accordd at the right one",
                        position: page[0].position
                    ),
                    "cannot read \(store.location)"
                )
            }
            for record in page { try replay.apply(record) }
            try replay.finish()
            store.replayed(page)
            progress(ReplayProgress(phase: .replaying, completed: replay.head.position, total: head.position))
        }
        return replay
    }

    private convenience init(
        store: any LedgerStore,
        replayed: Replay,
        dataDirectory: String,
        clock: @escaping @Sendable () -> Date,
        snapshotInterval: UInt64 = 0,
        snapshotOutcome: SnapshotOutcome = .none
    ) throws(EngineError) {
        precondition(
            replayed.head == store.durableHead,
            "replay ended at \(replayed.head) but the store's head is \(store.durableHead)"
        )
        let personalData: PersonalDataStore
        do throws(EngineError) {
            personalData = try PersonalDataStore(directory: "\(dataDirectory)/\(LedgerEngine.personalDataFolderName)")
        } catch {
            _ = try? store.close()
            throw error
        }
        self.init(
            store: store,
            replayed: replayed,
            dataDirectory: dataDirectory,
            personalData: personalData,
            clock: clock,
            snapshotInterval: snapshotInterval,
            snapshotOutcome: snapshotOutcome
        )
        finishErasures()
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
    /// without a log mean the log was lost or a restore is half done, and a new chain would hide that. A log that
    /// holds no record (its header alone, or less) beside them is the same loss.
    static func refuseToStartOverALostLog(dataDirectory: String, logPath: String) throws(EngineError) {
        let files = FileManager.default
        let logBytes = (try? files.attributesOfItem(atPath: logPath)[.size] as? NSNumber)?.intValue
        if let logBytes, logBytes > LogFormat.headerBytes { return }
        let personal = (try? files.contentsOfDirectory(atPath: "\(dataDirectory)/\(personalDataFolderName)")) ?? []
        let setAside = ((try? files.contentsOfDirectory(atPath: dataDirectory)) ?? []).filter {
            $0.hasPrefix("\(logFileName).torn")
        }
        guard !personal.isEmpty || !setAside.isEmpty else { return }
        let held = personal.isEmpty ? "set-aside records" : "personal data (\(personal.count) files)"
        guard let logBytes else {
            throw EngineError(
                kind: .storage,
                code: "log_missing",
                message:
                    "\(dataDirectory) holds \(held) but no \(logFileName): a ledger was kept here and its log is gone. Restore \(logFileName) from a backup, or move the folder away to start a new, empty ledger.",
                meansUntrustedData: true
            )
        }
        throw EngineError(
            kind: .storage,
            code: "log_emptied",
            message:
                "\(dataDirectory) holds \(held) but its \(logFileName) has no record (\(logBytes) bytes, the header is \(LogFormat.headerBytes)): the log was emptied or replaced, and starting would present an empty ledger. Restore \(logFileName) from a backup, or move the folder away to start a new, empty ledger.",
            meansUntrustedData: true
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
                cause: error as NSError,
                meansUntrustedData: true
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
            hash: record.hashHex,
            record: record
        )
    }

    /// Records read for one page at most, so a filter that matches little cannot hold a request for long; the
    /// page then ends early and `nextPosition` says where to go on.
    static let maximumRecordsScannedPerPage = 100_000

    /// A page of the log: records from `position` up to `head` (by default the durable head), filtered, at most
    /// `limit`. A nil `nextPosition` means every record through `head` was read.
    public func events(from position: UInt64, through head: ChainHead? = nil, limit: Int, filter: EventFilter)
        async throws(EngineError) -> (events: [StoredEvent], nextPosition: UInt64?)
    {
        let head = head ?? self.head
        var events: [StoredEvent] = []
        var next = max(position, 1)
        var scanned = 0
        while next <= head.position {
            guard events.count < limit, scanned < LedgerEngine.maximumRecordsScannedPerPage else {
                return (events, next)
            }
            let page: [Record]
            do throws(LogError) {
                page = try await store.records(
                    from: next,
                    through: head,
                    limit: min(LedgerEngine.recordsReadAtOnce, LedgerEngine.maximumRecordsScannedPerPage - scanned)
                )
            } catch {
                throw EngineError.storage(error, "cannot read \(store.location)")
            }
            precondition(!page.isEmpty, "a store returned no records below its durable head")
            for record in page {
                guard events.count < limit else { return (events, record.position) }
                scanned += 1
                next = record.position + 1
                if let event = try LedgerEngine.storedEvent(record, matching: filter) { events.append(event) }
            }
        }
        return (events, nil)
    }

    /// The record's event if it passes `filter`; the header is checked before the payload is decoded.
    static func storedEvent(_ record: Record, matching filter: EventFilter) throws(EngineError) -> StoredEvent? {
        let matches = filter.matches(
            eventType: record.eventType,
            streamID: record.streamID,
            authorName: record.authorName,
            authorUserID: record.authorUserID,
            recordedAtMicroseconds: record.recordedAtMicroseconds
        )
        guard matches else { return nil }
        let recorded = try LedgerEngine.recordedEvent(from: record)
        return filter.matches(recorded.event) ? LedgerEngine.storedEvent(recorded, record: record) : nil
    }

    /// Records asked of the store in one read while paging.
    static let recordsReadAtOnce = 1_000

    /// The events at the given positions, read back from the store (for a repeated request id).
    func storedEvents(positions: ClosedRange<UInt64>) async throws(EngineError) -> [StoredEvent] {
        try await events(from: positions.lowerBound, limit: positions.count, filter: EventFilter()).events
    }
}
