/// The 32 bytes at the start of a log file: magic, format version, header length, flags, reserved, CRC-32C.
enum FileHeader {
    static func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: LogFormat.headerBytes)
        writer.append(LogFormat.fileMagic)
        writer.append(LogFormat.formatVersion)
        writer.append(UInt16(LogFormat.headerBytes))
        writer.append(UInt32(0))
        writer.append([UInt8](repeating: 0, count: 12))
        writer.append(CRC32C.checksum(writer.bytes))
        precondition(writer.bytes.count == LogFormat.headerBytes, "file header length")
        return writer.bytes
    }

    /// Checks the header of an existing file. `bytes` are the file's first bytes, at most `headerBytes` of them.
    static func verify(_ bytes: [UInt8], path: String) throws(LogError) {
        let advice = "Check that \(path) is an Accord log; if it is, do not edit it: restore it from a backup."
        guard bytes.count == LogFormat.headerBytes else {
            throw badHeader("\(path) is \(bytes.count) bytes long, shorter than the 32-byte log header. \(advice)")
        }
        guard Array(bytes[0..<8]) == LogFormat.fileMagic else {
            throw badHeader("\(path) does not start with the magic bytes ACCORDLG. \(advice)")
        }
        var reader = ByteReader(bytes[8...])
        let version = reader.read(UInt16.self)
        let headerLength = reader.read(UInt16.self)
        let flags = reader.read(UInt32.self)
        let reserved = reader.read(count: 12)
        let storedChecksum = reader.read(UInt32.self)
        let computedChecksum = CRC32C.checksum(bytes[0..<28])
        guard storedChecksum == computedChecksum else {
            throw badHeader(
                "The header of \(path) fails its CRC-32C (stored \(hex32(storedChecksum ?? 0)), computed "
                    + "\(hex32(computedChecksum))). \(advice)"
            )
        }
        guard version == LogFormat.formatVersion else {
            throw badHeader(
                "\(path) has log format version \(version ?? 0); this build reads version \(LogFormat.formatVersion)"
                    + " only. Run the accordd release that wrote it (or a newer one); do not edit the file."
            )
        }
        guard headerLength == UInt16(LogFormat.headerBytes), flags == 0, reserved?.allSatisfy({ $0 == 0 }) == true
        else {
            throw badHeader(
                "The header of \(path) declares a length, flags or reserved bytes this build does not know "
                    + "(length \(headerLength ?? 0), flags \(flags ?? 0)). \(advice)"
            )
        }
    }

    private static func badHeader(_ message: String) -> LogError {
        LogError(code: LogErrorCode.badHeader, message: message, offset: 0)
    }

    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
