/// A type-length-value entry of a record's extension area, reserved for later metadata (signatures, key ids,
/// Merkle data). Format version 1 defines no type, so this build writes none; readers keep the entries they
/// do not know unless the type has `LogFormat.criticalExtensionBit` set, which makes them refuse the record.
public struct RecordExtension: Sendable, Equatable {
    public var type: UInt16
    public var value: [UInt8]

    public init(type: UInt16, value: [UInt8]) {
        self.type = type
        self.value = value
    }

    /// Bytes of an entry besides its value: type (u16) and length (u32).
    static let entryHeaderBytes = 6
}
