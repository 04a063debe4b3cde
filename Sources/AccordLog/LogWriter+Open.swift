import Glibc
import SystemPackage

extension LogWriter {
    /// Opens the log at `path` for appending, creating it (header only) if it does not exist.
    ///
    /// An existing file is verified from genesis: header, every frame's length and CRC-32C, gapless positions
    /// and the hash chain. A record torn at the tail by a crash (an incomplete frame, or a last frame failing
    /// its checksum, with no valid frame after it) is copied to `<path>.torn-at-<offset>-<n>` and the log is
    /// truncated to its last whole record; the report says so. Any other damage stops the open with a
    /// `LogError` naming the position and byte offset. Takes an exclusive lock: one writer per file.
    ///
    /// `eachRecord` gets every record in position order once it passed every check of this pass (frame, chain,
    /// and each tree head of `options.treeExpectations` it completes), so that a caller can rebuild its state in the
    /// same pass (a record after it may still stop the open).
    public static func open(
        path: FilePath,
        options: LogWriterOptions = LogWriterOptions(),
        eachRecord: (Record) -> Void = { _ in }
    ) throws(LogError) -> (LogWriter, LogOpenReport) {
        let created = try createIfMissing(path, permissions: options.filePermissions)
        let file = try LogFile.open(path, access: .readWrite)
        do throws(LogError) {
            try file.lockExclusively()
            let size = try file.size()
            try FileHeader.verify(try file.read(count: LogFormat.headerBytes, at: 0), path: path.string)
            var scanner = FrameScanner(file: file, from: .genesis, endOffset: size)
            var tree = try TreeRebuild(
                logPath: path,
                expectations: options.treeExpectations,
                permissions: options.filePermissions
            )
            do throws(LogError) {
                return try verifyAndStart(
                    file,
                    path: path,
                    size: size,
                    created: created,
                    &scanner,
                    &tree,
                    options,
                    eachRecord: eachRecord
                )
            } catch {
                tree.discard()
                throw error
            }
        } catch {
            _ = try? file.close()
            throw error
        }
    }

    /// Scans and verifies the log, builds its tree, checks the tree heads, and starts the writer thread: one pass,
    /// each record checked (frame, chain, tree) before `eachRecord` gets it.
    private static func verifyAndStart(
        _ file: LogFile,
        path: FilePath,
        size: UInt64,
        created: Bool,
        _ scanner: inout FrameScanner,
        _ tree: inout TreeRebuild,
        _ options: LogWriterOptions,
        eachRecord: (Record) -> Void
    ) throws(LogError) -> (LogWriter, LogOpenReport) {
        var last: Record?
        var tornTail: TornTailRecovery?
        scanning: while true {
            switch try scanner.next() {
            case .record(let record, _):
                last = record
                try tree.add(recordHash: record.hash)
                // A log contradicting a checkpoint is refused once the scan has located the damage: nothing of it
                // from the contradicted tree head on is handed to the caller's state.
                if tree.contradiction == nil { eachRecord(record) }
                if options.progressIntervalRecords > 0, record.position % options.progressIntervalRecords == 0 {
                    options.progress?(
                        VerificationProgress(
                            recordsVerified: record.position,
                            bytesVerified: scanner.offset,
                            totalBytes: size
                        )
                    )
                }
            case .end:
                break scanning
            case .damaged(let damage):
                let torn = try scanner.classify(damage, setAsideDamagedTail: options.setAsideDamagedTail)
                try refuseTornCheckpointedRecord(torn, position: scanner.nextPosition, tree, path: path)
                tornTail = try setAside(torn, of: file, size: size, position: scanner.nextPosition, options)
                break scanning
            }
        }
        try tree.finish()
        try checkExpectations(tree, path: path)
        try tree.install()
        // Everything verified becomes durable before anything is built on it, even if the previous process
        // died between its write and its fdatasync.
        try file.synchronize()
        let end = scanner.offset
        options.progress?(
            VerificationProgress(recordsVerified: last?.position ?? 0, bytesVerified: end, totalBytes: end)
        )
        let core = WriterCore(file: file, options: options, head: last, treeFile: tree.rebuilt, tree: tree.range)
        let lastHash = last?.hash ?? LogFormat.genesisHash
        let thread = try WriterThread.start { core.run(durableEnd: end, durableHash: lastHash) }
        let writer = LogWriter(path: path, core: core, thread: thread)
        let report = LogOpenReport(
            path: path,
            created: created,
            head: last?.chainHead ?? .genesis,
            fileBytes: end,
            tornTail: tornTail,
            treeRoot: tree.range.root(),
            treeFileDisagreement: tree.firstStoredDisagreement
        )
        return (writer, report)
    }

    /// A torn record that a checkpoint covers was acknowledged: setting it aside would lose it.
    private static func refuseTornCheckpointedRecord(
        _ damage: FrameDamage,
        position: UInt64,
        _ tree: TreeRebuild,
        path: FilePath
    ) throws(LogError) {
        guard position <= tree.protectedSize else { return }
        throw LogError(
            code: LogErrorCode.checkpointedTailDamaged,
            message: "The log \(path) ends with a damaged record at position \(position) (byte offset "
                + "\(damage.offset): \(damage)), but a checkpoint of \(tree.protectedSize) records covers it, so it "
                + "was acknowledged: this is damage, not a write torn by a crash. Nothing was changed. "
                + RecordFrame.alteredAdvice,
            position: position,
            offset: damage.offset
        )
    }

    /// The log must extend every tree head it was given: same root over the same first records.
    private static func checkExpectations(_ tree: TreeRebuild, path: FilePath) throws(LogError) {
        if let (expectation, actualRoot) = tree.contradiction {
            let after = tree.lastSatisfied.map { $0.size + 1 } ?? 1
            var located = "a record between positions \(after) and \(expectation.size) differs from when it was signed"
            if let stored = tree.firstStoredDisagreement, stored <= expectation.size {
                located =
                    "the first position that disagrees is \(stored) (the tree file \(path).tree, written when "
                    + "the records were appended, first differs from the log there)"
            }
            throw LogError(
                code: LogErrorCode.checkpointContradicted,
                message: "The log \(path) contradicts \(expectation.name): its first \(expectation.size) records have "
                    + "the Merkle root \(actualRoot.base64), the checkpoint says \(expectation.root.base64). "
                    + "\(located.prefix(1).uppercased() + located.dropFirst()). The log was rewritten, even if its "
                    + "hash chain is whole. Nothing was changed. \(RecordFrame.alteredAdvice)",
                position: tree.firstStoredDisagreement.map { min($0, expectation.size) } ?? after
            )
        }
        if let longest = tree.unreached.last {
            throw LogError(
                code: LogErrorCode.shorterThanCheckpoint,
                message: "The log \(path) holds \(tree.range.size) records, but \(longest.name) covers "
                    + "\(longest.size): acknowledged records from position \(tree.range.size + 1) on are missing "
                    + "(a rollback or a truncation). Nothing was changed. \(RecordFrame.alteredAdvice)",
                position: tree.range.size + 1
            )
        }
    }

    /// Creates a log holding only its header: written to a temporary name, fsynced, then linked to `path`
    /// (which never replaces an existing file) so that a crash never leaves a half-written header at `path`.
    private static func createIfMissing(_ path: FilePath, permissions: FilePermissions) throws(LogError) -> Bool {
        if try LogFile.exists(path) { return false }
        let temporary = FilePath(path.string + ".creating-\(getpid())")
        if try LogFile.exists(temporary) { try LogFile.remove(temporary) }
        let file = try LogFile.createExclusive(temporary, permissions: permissions)
        let written = Result { () throws(LogError) in
            try file.writeAll(FileHeader.encode(), at: 0)
            try file.synchronize()
        }
        try file.close()
        try written.get()
        let linked = try LogFile.linkUnlessExists(temporary, to: path)
        try LogFile.remove(temporary)
        try LogFile.synchronizeDirectory(containing: path)
        return linked
    }

    /// Copies the torn bytes to a new file next to the log, makes that durable, then truncates the log.
    private static func setAside(
        _ damage: FrameDamage,
        of file: LogFile,
        size: UInt64,
        position: UInt64,
        _ options: LogWriterOptions
    ) throws(LogError) -> TornTailRecovery {
        let (copy, copyPath) = try createSetAsideFile(for: file.path, offset: damage.offset, options.filePermissions)
        let copied = Result { () throws(LogError) in
            var offset = damage.offset
            while offset < size {
                let chunk = try file.read(
                    count: Int(min(UInt64(FrameScanner.readChunkBytes), size - offset)),
                    at: offset
                )
                precondition(!chunk.isEmpty, "the torn bytes are inside the file")
                try copy.writeAll(chunk, at: offset - damage.offset)
                offset += UInt64(chunk.count)
            }
            try copy.synchronize()
        }
        let closed = Result { () throws(LogError) in try copy.close() }
        do throws(LogError) {
            try copied.get()
            try closed.get()
        } catch {
            // An incomplete copy would only mislead; the torn bytes are still in the log, untouched.
            _ = try? LogFile.remove(copyPath)
            throw error
        }
        try LogFile.synchronizeDirectory(containing: copyPath)
        try file.truncate(to: damage.offset)
        try file.synchronize()
        return TornTailRecovery(
            position: position,
            offset: damage.offset,
            byteCount: size - damage.offset,
            setAsidePath: copyPath,
            reason: damage.description
        )
    }

    private static func createSetAsideFile(
        for path: FilePath,
        offset: UInt64,
        _ permissions: FilePermissions
    ) throws(LogError) -> (LogFile, FilePath) {
        for attempt in 1...1_000 {
            let candidate = FilePath("\(path.string).torn-at-\(offset)-\(attempt)")
            do throws(LogError) {
                return (try LogFile.createExclusive(candidate, permissions: permissions), candidate)
            } catch {
                guard error.errno == EEXIST else { throw error }
            }
        }
        throw LogError(
            code: LogErrorCode.ioError,
            message: "1000 files named \(path).torn-at-\(offset)-N already exist; move them away and start again.",
            offset: offset
        )
    }
}
