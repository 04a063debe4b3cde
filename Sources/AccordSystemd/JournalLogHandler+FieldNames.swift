extension JournalLogHandler {
    /// The prefix of every field made from metadata, so that no metadata key can pose as a journal field of
    /// systemd's (MESSAGE, PRIORITY, …) or of this handler's (SWIFT_LOG_…).
    public static let metadataFieldPrefix = "ACCORD_"

    /// journald keeps field names of at most 64 characters.
    public static let maximumFieldNameLength = 64

    /// Turns a swift-log metadata key into a valid journal field name: upper case, every character other than
    /// A-Z, 0-9 and `_` replaced by `_`, and `ACCORD_` in front unless already there, which also keeps the name
    /// from starting with `_` (reserved for trusted fields) or a digit. "accord.position" and "ACCORD_POSITION"
    /// both give ACCORD_POSITION; "event_type" gives ACCORD_EVENT_TYPE.
    public static func journalFieldName(forMetadataKey key: String) -> String {
        var name = String(String.UnicodeScalarView(key.unicodeScalars.map(Self.fieldNameCharacter)))
        if !name.hasPrefix(Self.metadataFieldPrefix) {
            name = Self.metadataFieldPrefix + name
        }
        return String(name.prefix(Self.maximumFieldNameLength))
    }

    private static func fieldNameCharacter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "A"..."Z", "0"..."9", "_":
            scalar
        case "a"..."z":
            Unicode.Scalar(scalar.value - 0x20)!
        default:
            "_"
        }
    }
}
