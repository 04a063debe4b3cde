/// Appends little-endian integers and raw bytes to a growing buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Overwrites bytes already written, e.g. a length known only at the end.
    mutating func overwrite<Integer: FixedWidthInteger>(_ value: Integer, at index: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            precondition(index >= 0 && index + raw.count <= bytes.count, "overwrite past the end of the frame")
            bytes.replaceSubrange(index..<index + raw.count, with: raw)
        }
    }
}
