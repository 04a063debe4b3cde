/// Where an imported record came from: its position, recorded time, author and hash in the ledger it was exported
/// from (`accordd --import`). Stored as extension entry type 1 (not critical, so a reader that does not know it
/// keeps it); the value starts with a version byte so that later versions can add fields (docs/log-format.md 4.4).
public struct RecordProvenance: Sendable, Equatable {
    public var position: UInt64
    public var recordedAtMicroseconds: Int64
    public var authorUserID: UInt32
    public var authorName: String
    /// The record's hash in the ledger it came from (32 bytes).
    public var hash: [UInt8]

    public init(
        position: UInt64,
        recordedAtMicroseconds: Int64,
        authorUserID: UInt32,
        authorName: String,
        hash: [UInt8]
    ) {
        self.position = position
        self.recordedAtMicroseconds = recordedAtMicroseconds
        self.authorUserID = authorUserID
        self.authorName = authorName
        self.hash = hash
    }

    /// The provenance of `record` as it stood in its own ledger.
    public init(of record: Record) {
        self.init(
            position: record.position,
            recordedAtMicroseconds: record.recordedAtMicroseconds,
            authorUserID: record.authorUserID,
            authorName: record.authorName,
            hash: record.hash
        )
    }

    public static let extensionType: UInt16 = 1
    /// The layout of the value this build writes; a reader takes the fields it knows from a later version.
    public static let version: UInt8 = 1

    /// version u8, position u64, recorded at i64, author uid u32, author name (u16 length, UTF-8), hash (32 bytes).
    public var entry: RecordExtension {
        precondition(hash.count == LogFormat.hashBytes, "a provenance hash is 32 bytes")
        var writer = ByteWriter(capacity: 1 + 8 + 8 + 4 + 2 + authorName.utf8.count + LogFormat.hashBytes)
        writer.append(RecordProvenance.version)
        writer.append(position)
        writer.append(recordedAtMicroseconds)
        writer.append(authorUserID)
        writer.append(UInt16(authorName.utf8.count))
        writer.append(authorName.utf8)
        writer.append(hash)
        return RecordExtension(type: RecordProvenance.extensionType, value: writer.bytes)
    }

    /// The provenance among a record's extension entries, if it has one this build can read.
    public init?(extensions: [RecordExtension]) {
        guard let entry = extensions.first(where: { $0.type == RecordProvenance.extensionType }) else { return nil }
        var reader = ByteReader(entry.value[...])
        guard let version = reader.read(UInt8.self), version >= 1, let position = reader.read(UInt64.self),
            let recordedAt = reader.read(Int64.self), let userID = reader.read(UInt32.self),
            let nameCount = reader.read(UInt16.self), let name = reader.read(count: Int(nameCount)),
            let authorName = String(validating: name, as: UTF8.self),
            let hash = reader.read(count: LogFormat.hashBytes)
        else { return nil }
        self.init(
            position: position,
            recordedAtMicroseconds: recordedAt,
            authorUserID: userID,
            authorName: authorName,
            hash: Array(hash)
        )
    }
}
