import AccordProof
import SystemPackage

/// Builds the Merkle tree while `LogWriter.open` scans the log: checks every tree head the log must extend, and
/// writes a new tree file from the log, compared on the way with the one on disk (derived data, never trusted:
/// where it differs from the log, that is only reported). The new file replaces the old one only once the log
/// passed every check, so a refused start keeps the old file for the investigation.
struct TreeRebuild {
    let rebuilt: TreeFile
    private let rebuiltPath: FilePath
    private let storedPath: FilePath
    private let stored: LogFile?
    private(set) var range = CompactRange()
    /// Sorted by size; checked as the scan passes each size.
    private let expectations: [TreeExpectation]
    private var nextExpectation = 0
    /// The position of the first leaf whose stored node hash disagreed with the log, if any.
    private(set) var firstStoredDisagreement: UInt64?
    /// The first expectation the log failed, with the root the log has at its size.
    private(set) var contradiction: (expectation: TreeExpectation, actualRoot: TreeHash)?
    /// The last expectation the log satisfied before any contradiction.
    private(set) var lastSatisfied: TreeExpectation?
    private var buffer: [UInt8] = []
    private var bufferLeaves: [UInt64] = []
    private var bufferOffset: UInt64 = 0

    static let flushBytes = 1 << 20

    init(logPath: FilePath, expectations: [TreeExpectation], permissions: FilePermissions) throws(LogError) {
        storedPath = TreeFile.path(logPath: logPath)
        rebuiltPath = FilePath(storedPath.string + ".rebuilding")
        stored = try LogFile.exists(storedPath) ? try LogFile.open(storedPath, access: .readOnly) : nil
        if try LogFile.exists(rebuiltPath) { try LogFile.remove(rebuiltPath) }
        rebuilt = TreeFile(file: try LogFile.createExclusive(rebuiltPath, permissions: permissions))
        self.expectations = expectations.sorted { $0.size < $1.size }
        checkExpectations()
    }

    /// The expectations larger than the log: the log is shorter than something it once was.
    var unreached: [TreeExpectation] { Array(expectations[nextExpectation...]) }

    /// The largest size the log must keep: a torn tail below it held a record covered by a checkpoint.
    var protectedSize: UInt64 { expectations.last?.size ?? 0 }

    mutating func add(recordHash: [UInt8]) throws(LogError) {
        let leafPosition = range.size + 1
        for node in range.append(leafHash: MerkleTree.leafHash(entry: recordHash)) {
            buffer.append(contentsOf: node.hash.bytes)
            bufferLeaves.append(leafPosition)
        }
        checkExpectations()
        if buffer.count >= Self.flushBytes { try flush() }
    }

    /// Writes what is left. Call `install` once the log passed its checks.
    mutating func finish() throws(LogError) {
        try flush()
        _ = try? stored?.close()
    }

    /// The rebuilt file takes the tree file's name.
    func install() throws(LogError) {
        try LogFile.rename(rebuiltPath, to: storedPath)
    }

    /// After a refused open: the stored file stays as it was, for the investigation.
    func discard() {
        _ = try? stored?.close()
        _ = try? LogFile.remove(rebuiltPath)
    }

    private mutating func checkExpectations() {
        while nextExpectation < expectations.count, expectations[nextExpectation].size == range.size {
            let expectation = expectations[nextExpectation]
            nextExpectation += 1
            guard contradiction == nil else { continue }
            let root = range.root()
            if root == expectation.root {
                lastSatisfied = expectation
            } else {
                contradiction = (expectation, root)
            }
        }
    }

    private mutating func flush() throws(LogError) {
        guard !buffer.isEmpty else { return }
        if firstStoredDisagreement == nil, let stored {
            let old = try stored.read(count: buffer.count, at: bufferOffset)
            if let mismatch = zip(old, buffer).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                firstStoredDisagreement = bufferLeaves[mismatch / TreeFile.nodeBytes]
            }
        }
        try rebuilt.file.writeAll(buffer, at: bufferOffset)
        bufferOffset += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
        bufferLeaves.removeAll(keepingCapacity: true)
    }
}
