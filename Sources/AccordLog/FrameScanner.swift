/// Reads frames one after another from a log file, verifying each one and its link to the one before through
/// `RecordFrame.parse`. Shared by the writer's open and by readers, so both check the same properties.
struct FrameScanner {
    /// Reads are at least this large, so a scan costs a few system calls per mebibyte.
    static let readChunkBytes = 1 << 20

    let file: LogFile
    /// The scan stops here: the file size when the scan began, or a durable limit.
    let endOffset: UInt64
    /// Offset of the next frame.
    private(set) var offset: UInt64
    /// Position the next frame must have.
    private(set) var nextPosition: UInt64
    /// Hash the next frame must link to.
    private(set) var previousHash: [UInt8]
    private var buffer: [UInt8] = []
    private var bufferOffset: UInt64 = 0

    enum Step {
        case record(Record, frameBytes: Int)
        case end
        case damaged(FrameDamage)
    }

    init(file: LogFile, from checkpoint: ChainCheckpoint, endOffset: UInt64) {
        precondition(checkpoint.offset <= endOffset, "a scan starts before its end")
        self.file = file
        self.endOffset = endOffset
        self.offset = checkpoint.offset
        self.nextPosition = checkpoint.position
        self.previousHash = checkpoint.previousHash
    }

    /// Where the next frame starts, as a checkpoint to resume from.
    var checkpoint: ChainCheckpoint {
        ChainCheckpoint(position: nextPosition, offset: offset, previousHash: previousHash)
    }

    mutating func next() throws(LogError) -> Step {
        if offset == endOffset { return .end }
        let length: Int
        switch RecordFrame.envelope(try bytes(at: offset, count: 8), offset: offset) {
        case .success(let declared): length = declared
        case .failure(let damage): return .damaged(damage)
        }
        let frame = try bytes(at: offset, count: length)
        switch try RecordFrame.parse(
            frame,
            offset: offset,
            expectedPosition: nextPosition,
            expectedPreviousHash: previousHash
        ) {
        case .failure(let damage):
            return .damaged(damage)
        case .success(let record):
            precondition(record.position == nextPosition, "positions strictly increase by one")
            precondition(offset + UInt64(length) <= endOffset, "a frame lies inside the scanned range")
            offset += UInt64(length)
            nextPosition += 1
            previousHash = record.hash
            return .record(record, frameBytes: length)
        }
    }

    /// The bytes in `[start, start + count)`, clipped to `endOffset`.
    mutating func bytes(at start: UInt64, count: Int) throws(LogError) -> ArraySlice<UInt8> {
        precondition(start <= endOffset, "reads stay inside the scanned range")
        let available = Int(min(UInt64(count), endOffset - start))
        let bufferEnd = bufferOffset + UInt64(buffer.count)
        if start < bufferOffset || start + UInt64(available) > bufferEnd {
            let readCount = Int(min(UInt64(max(available, Self.readChunkBytes)), endOffset - start))
            buffer = try file.read(count: readCount, at: start)
            bufferOffset = start
            if buffer.count < available {
                throw LogError(
                    code: LogErrorCode.ioError,
                    message: "\(file.path) became shorter while it was being read (at byte offset \(start)). "
                        + "Only accordd may write the log; check that nothing else truncates it.",
                    offset: start
                )
            }
        }
        let low = Int(start - bufferOffset)
        return buffer[low..<low + available]
    }
}
