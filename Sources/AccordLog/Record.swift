/// A record as stored: the draft's fields, its gapless position and its place in the hash chain.
public struct Record: Sendable, Equatable {
    /// 1 for the first record, then each record's position is its predecessor's plus one.
    public var position: UInt64
    public var recordedAtMicroseconds: Int64
    public var authorUserID: UInt32
    public var authorName: String
    public var eventType: String
    public var streamID: String
    public var requestID: String?
    public var requestDigest: [UInt8]?
    public var payloadEncoding: PayloadEncoding
    public var payload: [UInt8]
    /// Entries of the extension area, in the order stored (empty unless the record was imported).
    public var extensions: [RecordExtension]
    /// The previous record's `hash`, or `LogFormat.genesisHash` for record 1.
    public var previousHash: [UInt8]
    /// SHA-256 of the frame's bytes from its marker up to, not including, this hash.
    public var hash: [UInt8]

    public init(
        position: UInt64,
        draft: RecordDraft,
        extensions: [RecordExtension]? = nil,
        previousHash: [UInt8],
        hash: [UInt8]
    ) {
        self.position = position
        self.recordedAtMicroseconds = draft.recordedAtMicroseconds
        self.authorUserID = draft.authorUserID
        self.authorName = draft.authorName
        self.eventType = draft.eventType
        self.streamID = draft.streamID
        self.requestID = draft.requestID
        self.requestDigest = draft.requestDigest
        self.payloadEncoding = draft.payloadEncoding
        self.payload = draft.payload
        self.extensions = extensions ?? draft.extensions
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The fields the engine supplied.
    public var draft: RecordDraft {
        RecordDraft(
            recordedAtMicroseconds: recordedAtMicroseconds,
            authorUserID: authorUserID,
            authorName: authorName,
            eventType: eventType,
            streamID: streamID,
            requestID: requestID,
            requestDigest: requestDigest,
            payloadEncoding: payloadEncoding,
            payload: payload,
            extensions: extensions
        )
    }

    public var hashHex: String { Hex.encode(hash) }
    public var previousHashHex: String { Hex.encode(previousHash) }
    /// The chain head this record makes when it is the last one.
    public var chainHead: ChainHead { ChainHead(position: position, hash: hashHex) }
}
