/// Reads little-endian integers and byte runs from a slice, refusing to read past its end.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    /// Index into `bytes` (slice indices are those of the underlying array).
    private(set) var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// Bytes consumed so far.
    var consumed: Int { index - bytes.startIndex }

    mutating func read<Integer: FixedWidthInteger>(_: Integer.Type) -> Integer? {
        let size = MemoryLayout<Integer>.size
        guard bytes.endIndex - index >= size else { return nil }
        var value: Integer = 0
        for byteIndex in 0..<size {
            value |= Integer(truncatingIfNeeded: bytes[index + byteIndex]) << (8 * byteIndex)
        }
        index += size
        return value
    }

    mutating func read(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - index >= count else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }
}
