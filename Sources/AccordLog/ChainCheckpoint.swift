/// A verified point of the chain from which a scan can resume: the next record's position, its byte offset,
/// and the hash it must link to.
struct ChainCheckpoint: Sendable, Equatable {
    var position: UInt64
    var offset: UInt64
    var previousHash: [UInt8]

    /// Where record 1 starts.
    static let genesis = ChainCheckpoint(
        position: 1,
        offset: UInt64(LogFormat.headerBytes),
        previousHash: LogFormat.genesisHash
    )
}
