/// What the engine appends: opaque payload bytes plus the metadata the log stores beside them.
public struct RecordDraft: Sendable, Equatable {
    /// When the record was made, in microseconds since the Unix epoch, UTC.
    public var recordedAtMicroseconds: Int64
    public var authorUserID: UInt32
    public var authorName: String
    public var eventType: String
    public var streamID: String
    /// The client's idempotency key, if it sent one.
    public var requestID: String?
    /// SHA-256 (32 bytes) of the canonical request, so that a retried request is recognised across restarts.
    public var requestDigest: [UInt8]?
    public var payloadEncoding: PayloadEncoding
    public var payload: [UInt8]
    /// Entries of the extension area (section 4.4 of docs/log-format.md); only an import writes one (provenance).
    public var extensions: [RecordExtension]

    public init(
        recordedAtMicroseconds: Int64,
        authorUserID: UInt32,
        authorName: String,
        eventType: String,
        streamID: String,
        requestID: String? = nil,
        requestDigest: [UInt8]? = nil,
        payloadEncoding: PayloadEncoding = .json,
        payload: [UInt8],
        extensions: [RecordExtension] = []
    ) {
        self.recordedAtMicroseconds = recordedAtMicroseconds
        self.authorUserID = authorUserID
        self.authorName = authorName
        self.eventType = eventType
        self.streamID = streamID
        self.requestID = requestID
        self.requestDigest = requestDigest
        self.payloadEncoding = payloadEncoding
        self.payload = payload
        self.extensions = extensions
    }
}
