/// A record as its own frame, for proofs that carry the record itself (`accord prove`): the frame's bytes are
/// what its hash is computed over, so anyone holding them recomputes the Merkle leaf.
extension Record {
    /// The record's frame, byte for byte as in the log (framing is deterministic; the hash checks it).
    public var frame: [UInt8] {
        let (bytes, reframed) = RecordFrame.encode(
            draft,
            position: position,
            previousHash: previousHash,
            extensions: extensions
        )
        precondition(reframed.hash == hash, "a record frames to the bytes its hash was computed over")
        return bytes
    }

    /// Decodes and verifies one frame on its own (CRC-32C, fields, its own hash); position and previous hash are
    /// taken from the frame, since there is no chain around it to check them against.
    public init(frame: [UInt8]) throws(LogError) {
        let fixed = 8 + 8 + LogFormat.hashBytes
        guard frame.count >= fixed else {
            throw LogError(
                code: LogErrorCode.badFrame,
                message: "a record frame is at least \(LogFormat.minimumFrameBytes) bytes; this one has \(frame.count)"
            )
        }
        var reader = ByteReader(frame[8..<fixed])
        let position = reader.read(UInt64.self)!
        let previousHash = Array(reader.read(count: LogFormat.hashBytes)!)
        guard case .success(let length) = RecordFrame.envelope(frame[0..<8], offset: 0), length == frame.count else {
            throw LogError(
                code: LogErrorCode.badFrame,
                message: "the bytes are not exactly one record frame (marker and declared length)",
                position: position
            )
        }
        switch try RecordFrame.parse(
            frame[...],
            offset: 0,
            expectedPosition: position,
            expectedPreviousHash: previousHash
        ) {
        case .success(let record):
            self = record
        case .failure(let damage):
            throw LogError(
                code: LogErrorCode.checksumMismatch,
                message: "the record frame is damaged: \(damage)",
                position: position
            )
        }
    }
}
