extension FrameScanner {
    /// Judges damage found by `next()`. A frame that is not whole and valid with no whole, checksum-valid frame
    /// anywhere after it is a write torn by a crash: the damage is returned for the caller to set aside or report.
    /// Anything else is damage inside the log, and throws.
    mutating func classify(_ damage: FrameDamage) throws(LogError) -> FrameDamage {
        guard let validOffset = try firstWholeFrame(after: damage.offset) else { return damage }
        let code: String
        switch damage.kind {
        case .checksumMismatch: code = LogErrorCode.checksumMismatch
        case .badMarker, .badLength, .incomplete: code = LogErrorCode.badFrame
        }
        throw LogError(
            code: code,
            message: "The log \(file.path) is damaged at record \(nextPosition) (byte offset \(damage.offset)): "
                + "\(damage). A valid record follows at byte offset \(validOffset), so this is damage inside the "
                + "log, not a write torn by a crash. \(RecordFrame.alteredAdvice)",
            position: nextPosition,
            offset: damage.offset
        )
    }

    /// The offset of the first whole frame (marker, possible length, matching CRC-32C) that starts after `start`.
    private mutating func firstWholeFrame(after start: UInt64) throws(LogError) -> UInt64? {
        let marker = LogFormat.frameMarker
        var candidate = start + 1
        while candidate + UInt64(LogFormat.minimumFrameBytes) <= endOffset {
            let window = try bytes(at: candidate, count: Self.readChunkBytes)
            guard let hit = window.firstRange(of: marker) else {
                // Keep the last bytes: a marker may straddle two windows.
                candidate += UInt64(max(1, window.count - (marker.count - 1)))
                continue
            }
            let hitOffset = candidate + UInt64(hit.lowerBound - window.startIndex)
            if try isWholeFrame(at: hitOffset) { return hitOffset }
            candidate = hitOffset + 1
        }
        return nil
    }

    private mutating func isWholeFrame(at start: UInt64) throws(LogError) -> Bool {
        guard case .success(let length) = RecordFrame.envelope(try bytes(at: start, count: 8), offset: start),
            start + UInt64(length) <= endOffset
        else { return false }
        return RecordFrame.checksumDamage(try bytes(at: start, count: length), offset: start) == nil
    }
}
