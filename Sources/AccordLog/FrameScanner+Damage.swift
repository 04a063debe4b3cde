extension FrameScanner {
    /// Judges damage found by `next()`. A frame that is not whole and valid with no whole, checksum-valid frame
    /// anywhere after it is a write torn by a crash: the damage is returned for the caller to set aside or report.
    /// Anything else is damage inside the log, and throws.
    ///
    /// A crash cuts a frame short or leaves zeros where the write did not land. A last frame that is whole but
    /// fails its checks, or bytes that are not a frame, look instead like damage to a record that may have been
    /// acknowledged: they stop the open unless `setAsideDamagedTail` says the operator chose to set them aside.
    mutating func classify(_ damage: FrameDamage, setAsideDamagedTail: Bool) throws(LogError) -> FrameDamage {
        guard let validOffset = try firstWholeFrame(after: damage.offset) else {
            if case .incomplete = damage.kind { return damage }
            let tail = try bytes(at: damage.offset, count: Int(endOffset - damage.offset))
            if setAsideDamagedTail || tail.allSatisfy({ $0 == 0 }) { return damage }
            throw LogError(
                code: LogErrorCode.tailDamaged,
                message: "The last record of \(file.path), record \(nextPosition) at byte offset \(damage.offset), is "
                    + "damaged: \(damage). It is not cut short as a crash during a write leaves it, so it may have "
                    + "been acknowledged; nothing was changed. Restore the log from a backup, or, if you know the "
                    + "machine crashed while writing, start once with `accordd --set-aside-damaged-tail` to move "
                    + "those bytes to a file next to the log.",
                position: nextPosition,
                offset: damage.offset
            )
        }
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
