import Crypto

/// Encoding and decoding of one record frame. `parse` is the only function that turns bytes into a `Record`;
/// the writer's open, the writer thread's self-check and every reader go through it.
enum RecordFrame {
    /// Checks a draft against `LogLimits` before anything is assigned or written.
    static func validate(_ draft: RecordDraft) throws(LogError) {
        let textFields = [
            ("authorName", draft.authorName), ("eventType", draft.eventType), ("streamID", draft.streamID),
            ("requestID", draft.requestID ?? ""),
        ]
        for (name, value) in textFields where value.utf8.count > LogLimits.maximumTextFieldBytes {
            throw LogError(
                code: LogErrorCode.fieldTooLong,
                message: "\(name) is \(value.utf8.count) bytes of UTF-8; the log stores at most "
                    + "\(LogLimits.maximumTextFieldBytes). Shorten it; nothing was written."
            )
        }
        guard draft.payload.count <= LogLimits.maximumPayloadBytes else {
            throw LogError(
                code: LogErrorCode.recordTooLarge,
                message: "The payload is \(draft.payload.count) bytes; a record holds at most "
                    + "\(LogLimits.maximumPayloadBytes) (1 MiB). Split or shrink it; nothing was written."
            )
        }
        if let digest = draft.requestDigest, digest.count != LogFormat.hashBytes {
            throw LogError(
                code: LogErrorCode.invalidDraft,
                message: "requestDigest is \(digest.count) bytes; it must be a 32-byte SHA-256. Nothing was written."
            )
        }
        guard extensionAreaLength(draft.extensions) <= LogLimits.maximumExtensionBytes,
            zip(draft.extensions, draft.extensions.dropFirst()).allSatisfy({ $0.type < $1.type })
        else {
            throw LogError(
                code: LogErrorCode.invalidDraft,
                message: "The extension area is over \(LogLimits.maximumExtensionBytes) bytes or its types do not "
                    + "strictly increase. Nothing was written."
            )
        }
        guard draft.payloadEncoding.rawValue != 0 else {
            throw LogError(
                code: LogErrorCode.invalidDraft,
                message: "Payload encoding 0 is not valid (1 is JSON). Nothing was written."
            )
        }
    }

    /// The frame length of a validated draft.
    static func encodedLength(_ draft: RecordDraft, extensions: [RecordExtension]? = nil) -> Int {
        let extensions = extensions ?? draft.extensions
        var length = LogFormat.frameFixedBytes + 2 + draft.authorName.utf8.count + 2 + draft.eventType.utf8.count
        length += 2 + draft.streamID.utf8.count
        if let requestID = draft.requestID { length += 2 + requestID.utf8.count }
        if draft.requestDigest != nil { length += LogFormat.hashBytes }
        length += 4 + draft.payload.count + 4 + extensionAreaLength(extensions)
        return length + LogFormat.frameTrailerBytes
    }

    /// Frames a validated draft at `position`, chained to `previousHash`, with the draft's extension entries unless
    /// `extensions` replaces them (tests of readers).
    static func encode(
        _ draft: RecordDraft,
        position: UInt64,
        previousHash: [UInt8],
        extensions: [RecordExtension]? = nil
    ) -> (bytes: [UInt8], record: Record) {
        let extensions = extensions ?? draft.extensions
        precondition(position >= 1, "positions start at 1")
        precondition(previousHash.count == LogFormat.hashBytes, "previous hash must be 32 bytes")
        precondition(extensionAreaLength(extensions) <= LogLimits.maximumExtensionBytes, "extension area too large")
        precondition(
            zip(extensions, extensions.dropFirst()).allSatisfy { $0.type < $1.type },
            "extension types must be strictly increasing"
        )
        let length = encodedLength(draft, extensions: extensions)
        precondition(length <= LogLimits.maximumFrameBytes, "frame of an unvalidated draft")
        var writer = ByteWriter(capacity: length)
        writer.append(LogFormat.frameMarker)
        writer.append(UInt32(length))
        writer.append(position)
        writer.append(previousHash)
        writer.append(draft.recordedAtMicroseconds)
        writer.append(draft.authorUserID)
        writer.append(draft.payloadEncoding.rawValue)
        var flags: UInt8 = 0
        if draft.requestID != nil { flags |= LogFormat.flagRequestID }
        if draft.requestDigest != nil { flags |= LogFormat.flagRequestDigest }
        writer.append(flags)
        writer.append(UInt16(0))
        for text in [draft.authorName, draft.eventType, draft.streamID] + (draft.requestID.map { [$0] } ?? []) {
            precondition(text.utf8.count <= LogLimits.maximumTextFieldBytes, "text field of an unvalidated draft")
            writer.append(UInt16(text.utf8.count))
            writer.append(text.utf8)
        }
        if let digest = draft.requestDigest {
            writer.append(digest)
        }
        writer.append(UInt32(draft.payload.count))
        writer.append(draft.payload)
        writer.append(UInt32(extensionAreaLength(extensions)))
        for entry in extensions {
            writer.append(entry.type)
            writer.append(UInt32(entry.value.count))
            writer.append(entry.value)
        }
        let hash = hashOfFrame(writer.bytes[...])
        writer.append(hash)
        writer.append(CRC32C.checksum(writer.bytes))
        precondition(writer.bytes.count == length, "frame length must match its declared length")
        let record = Record(
            position: position,
            draft: draft,
            extensions: extensions,
            previousHash: previousHash,
            hash: hash
        )
        return (writer.bytes, record)
    }

    /// Reads the 8-byte envelope (marker and length) at the start of a frame: the frame's length, or why the
    /// bytes cannot start a frame.
    static func envelope(_ prefix: ArraySlice<UInt8>, offset: UInt64) -> Result<Int, FrameDamage> {
        guard prefix.count >= 8 else {
            return .failure(
                FrameDamage(offset: offset, kind: .incomplete(declaredBytes: nil, availableBytes: prefix.count))
            )
        }
        guard prefix.prefix(4).elementsEqual(LogFormat.frameMarker) else {
            return .failure(FrameDamage(offset: offset, kind: .badMarker))
        }
        var reader = ByteReader(prefix.dropFirst(4).prefix(4))
        let length = reader.read(UInt32.self)!
        guard length >= LogFormat.minimumFrameBytes, length <= LogLimits.maximumFrameBytes else {
            return .failure(FrameDamage(offset: offset, kind: .badLength(length)))
        }
        return .success(Int(length))
    }

    /// Verifies a whole frame (envelope, CRC-32C, position, link to the previous record, fields, own hash) and
    /// decodes it. A frame that is not whole and checksum-valid comes back as damage, for the caller to judge;
    /// a checksum-valid frame that breaks the chain or the format throws.
    static func parse(
        _ frame: ArraySlice<UInt8>,
        offset: UInt64,
        expectedPosition: UInt64,
        expectedPreviousHash: [UInt8]
    ) throws(LogError) -> Result<Record, FrameDamage> {
        let length: Int
        switch envelope(frame, offset: offset) {
        case .success(let declared): length = declared
        case .failure(let damage): return .failure(damage)
        }
        guard frame.count >= length else {
            return .failure(
                FrameDamage(offset: offset, kind: .incomplete(declaredBytes: length, availableBytes: frame.count))
            )
        }
        precondition(frame.count == length, "a frame is parsed from exactly its declared length")
        if let damage = checksumDamage(frame, offset: offset) {
            return .failure(damage)
        }
        return .success(
            try decodeFields(
                frame,
                offset: offset,
                expectedPosition: expectedPosition,
                expectedPreviousHash: expectedPreviousHash
            )
        )
    }

    /// Checks the CRC-32C of a frame whose envelope is valid and whose bytes are all present.
    static func checksumDamage(_ frame: ArraySlice<UInt8>, offset: UInt64) -> FrameDamage? {
        var trailer = ByteReader(frame.suffix(4))
        let storedChecksum = trailer.read(UInt32.self)!
        let computedChecksum = CRC32C.checksum(frame.dropLast(4))
        guard storedChecksum != computedChecksum else { return nil }
        return FrameDamage(offset: offset, kind: .checksumMismatch(stored: storedChecksum, computed: computedChecksum))
    }

    private static func decodeFields(
        _ frame: ArraySlice<UInt8>,
        offset: UInt64,
        expectedPosition: UInt64,
        expectedPreviousHash: [UInt8]
    ) throws(LogError) -> Record {
        var reader = ByteReader(frame.dropFirst(8).dropLast(LogFormat.frameTrailerBytes))
        let position = reader.read(UInt64.self)!
        guard position == expectedPosition else {
            throw LogError(
                code: LogErrorCode.positionGap,
                message: "The record at byte offset \(offset) has position \(position) where position "
                    + "\(expectedPosition) was expected: records are missing or out of order. \(alteredAdvice)",
                position: expectedPosition,
                offset: offset
            )
        }
        // Compared in place: the record keeps the expected hash's storage, the same bytes, with no copy.
        let previousHashBytes = reader.read(count: LogFormat.hashBytes)!
        guard previousHashBytes.elementsEqual(expectedPreviousHash) else {
            let previousName = expectedPosition == 1 ? "the genesis hash" : "the hash of record \(expectedPosition - 1)"
            throw LogError(
                code: LogErrorCode.chainBroken,
                message: "Record \(expectedPosition) at byte offset \(offset) does not link to the record before it: "
                    + "previous hash expected \(Hex.encode(expectedPreviousHash)) (\(previousName)), found "
                    + "\(Hex.encode(previousHashBytes)). A record before it was changed, removed or inserted. "
                    + alteredAdvice,
                position: expectedPosition,
                offset: offset
            )
        }
        func malformed(_ detail: String) -> LogError {
            LogError(
                code: LogErrorCode.invalidRecord,
                message: "Record \(position) at byte offset \(offset) passes its checksum but is malformed: \(detail). "
                    + "It was not written by this format version's rules. \(alteredAdvice)",
                position: position,
                offset: offset
            )
        }
        let recordedAtMicroseconds = reader.read(Int64.self)!
        let authorUserID = reader.read(UInt32.self)!
        let payloadEncoding = PayloadEncoding(rawValue: reader.read(UInt8.self)!)
        let flags = reader.read(UInt8.self)!
        let reserved = reader.read(UInt16.self)!
        guard payloadEncoding.rawValue != 0 else { throw malformed("payload encoding 0") }
        guard flags & ~(LogFormat.flagRequestID | LogFormat.flagRequestDigest) == 0, reserved == 0 else {
            throw malformed("unknown flags \(flags) or reserved bits \(reserved)")
        }
        func text(_ name: String) throws(LogError) -> String {
            guard let count = reader.read(UInt16.self), Int(count) <= LogLimits.maximumTextFieldBytes,
                let bytes = reader.read(count: Int(count))
            else { throw malformed("\(name) runs past the end of the record or past its limit") }
            guard let value = String(validating: bytes, as: UTF8.self) else { throw malformed("\(name) is not UTF-8") }
            return value
        }
        let authorName = try text("authorName")
        let eventType = try text("eventType")
        let streamID = try text("streamID")
        let requestID = flags & LogFormat.flagRequestID != 0 ? try text("requestID") : nil
        var requestDigest: [UInt8]?
        if flags & LogFormat.flagRequestDigest != 0 {
            guard let digest = reader.read(count: LogFormat.hashBytes) else {
                throw malformed("requestDigest runs past the end of the record")
            }
            requestDigest = Array(digest)
        }
        guard let payloadCount = reader.read(UInt32.self), payloadCount <= LogLimits.maximumPayloadBytes,
            let payload = reader.read(count: Int(payloadCount))
        else { throw malformed("the payload runs past the end of the record or past its limit") }
        guard let extensionCount = reader.read(UInt32.self), extensionCount <= LogLimits.maximumExtensionBytes,
            let extensionArea = reader.read(count: Int(extensionCount))
        else { throw malformed("the extension area runs past the end of the record or past its limit") }
        guard reader.read(UInt8.self) == nil else {
            throw malformed("bytes remain between the extension area and the hash")
        }
        let extensions = try decodeExtensions(extensionArea, malformed: malformed)
        let hashOffset = frame.endIndex - LogFormat.frameTrailerBytes
        let storedHash = frame[hashOffset..<hashOffset + LogFormat.hashBytes]
        let computedHash = digestOfFrame(frame[frame.startIndex..<hashOffset])
        guard computedHash.withUnsafeBytes({ storedHash.elementsEqual($0) }) else {
            throw LogError(
                code: LogErrorCode.chainBroken,
                message:
                    "Record \(position) at byte offset \(offset) fails its hash: expected \(Hex.encode(computedHash))"
                    + " (computed from its bytes), found \(Hex.encode(storedHash)) (stored). Its content was changed "
                    + "after it was written. \(alteredAdvice)",
                position: position,
                offset: offset
            )
        }
        let draft = RecordDraft(
            recordedAtMicroseconds: recordedAtMicroseconds,
            authorUserID: authorUserID,
            authorName: authorName,
            eventType: eventType,
            streamID: streamID,
            requestID: requestID,
            requestDigest: requestDigest,
            payloadEncoding: payloadEncoding,
            payload: Array(payload)
        )
        return Record(
            position: position,
            draft: draft,
            extensions: extensions,
            previousHash: expectedPreviousHash,
            hash: Array(storedHash)
        )
    }

    private static func decodeExtensions(
        _ area: ArraySlice<UInt8>,
        malformed: (String) -> LogError
    ) throws(LogError) -> [RecordExtension] {
        var reader = ByteReader(area)
        var entries: [RecordExtension] = []
        while reader.consumed < area.count {
            guard let type = reader.read(UInt16.self), let count = reader.read(UInt32.self),
                let value = reader.read(count: Int(count))
            else { throw malformed("an extension entry runs past the end of the extension area") }
            if let last = entries.last, last.type >= type {
                throw malformed("extension types are not strictly increasing (\(last.type) then \(type))")
            }
            if type & LogFormat.criticalExtensionBit != 0 {
                throw malformed("critical extension type \(type) is unknown to this build; upgrade accordd")
            }
            entries.append(RecordExtension(type: type, value: Array(value)))
        }
        return entries
    }

    static func extensionAreaLength(_ extensions: [RecordExtension]) -> Int {
        extensions.reduce(0) { $0 + RecordExtension.entryHeaderBytes + $1.value.count }
    }

    /// SHA-256 of a frame's bytes before its hash field.
    private static func hashOfFrame(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(digestOfFrame(bytes))
    }

    /// The same, as the digest value itself: comparing it allocates nothing.
    private static func digestOfFrame(_ bytes: ArraySlice<UInt8>) -> SHA256Digest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }

    static let alteredAdvice =
        "Do not edit the log file: stop accordd, keep a copy of the file for investigation and restore the log "
        + "from a backup."
}
