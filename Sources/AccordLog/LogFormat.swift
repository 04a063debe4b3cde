import Crypto

/// Constants of the on-disk format, version 1. `docs/log-format.md` is the normative description.
public enum LogFormat {
    /// The 8 bytes that open every log file: ASCII `ACCORDLG`.
    public static let fileMagic: [UInt8] = Array("ACCORDLG".utf8)
    /// The only format version this build reads and writes.
    public static let formatVersion: UInt16 = 1
    /// Size of the file header in bytes; the first record starts at this offset.
    public static let headerBytes = 32
    /// The 4 bytes that open every record frame: ASCII `ACRD`.
    public static let frameMarker: [UInt8] = Array("ACRD".utf8)
    /// Bytes of a frame before its variable-length fields.
    public static let frameFixedBytes = 64
    /// Bytes of a frame after its variable-length fields: the 32-byte hash and the 4-byte CRC-32C.
    public static let frameTrailerBytes = 36
    /// The smallest well-formed frame: empty strings, no request id or digest, empty payload, no extensions.
    public static let minimumFrameBytes = frameFixedBytes + 3 * 2 + 4 + 4 + frameTrailerBytes
    /// The source text of the genesis hash.
    public static let genesisSeed = "accord-ledger-genesis-v1"
    /// `previousHash` of record 1: SHA-256 of the ASCII string `accord-ledger-genesis-v1`.
    public static let genesisHash: [UInt8] = Array(SHA256.hash(data: Array(genesisSeed.utf8)))
    /// Length of every hash in the log (SHA-256).
    public static let hashBytes = 32
    /// Flag bit of a frame: a request id is present.
    static let flagRequestID: UInt8 = 0x01
    /// Flag bit of a frame: a request digest is present.
    static let flagRequestDigest: UInt8 = 0x02
    /// Extension types with this bit set must be understood by a reader, which refuses the record otherwise.
    public static let criticalExtensionBit: UInt16 = 0x8000
}
