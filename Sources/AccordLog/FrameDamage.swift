/// Why the bytes at an offset are not a whole, checksum-valid frame. Whether that is a torn tail (set aside at
/// open) or damage in the middle (refuse to open) depends on what follows; `LogWriter.open` decides.
struct FrameDamage: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// Fewer bytes remain than the frame needs (or than its 8-byte envelope, when `declaredBytes` is nil).
        case incomplete(declaredBytes: Int?, availableBytes: Int)
        case badMarker
        case badLength(UInt32)
        case checksumMismatch(stored: UInt32, computed: UInt32)
    }

    var offset: UInt64
    var kind: Kind

    var description: String {
        switch kind {
        case .incomplete(let declared?, let available):
            "incomplete frame: \(available) of its \(declared) bytes are present"
        case .incomplete(nil, let available):
            "incomplete frame: \(available) bytes, fewer than the 8-byte frame envelope"
        case .badMarker:
            "no frame marker ACRD"
        case .badLength(let length):
            "impossible frame length \(length)"
        case .checksumMismatch(let stored, let computed):
            "CRC-32C mismatch (stored \(FileHeader.hex32(stored)), computed \(FileHeader.hex32(computed)))"
        }
    }
}
