/// The limits every record obeys. The writer refuses drafts past them; readers refuse frames past them.
public enum LogLimits {
    /// Largest payload of one record: 1 MiB.
    public static let maximumPayloadBytes = 1_048_576
    /// Largest UTF-8 length of `authorName`, `eventType`, `streamID` and `requestID`.
    public static let maximumTextFieldBytes = 1_024
    /// Largest extension area of one record (the sum of its entries, headers included).
    public static let maximumExtensionBytes = 65_536
    /// Largest frame a reader accepts: every field at its limit.
    public static let maximumFrameBytes =
        LogFormat.frameFixedBytes + 4 * (2 + maximumTextFieldBytes) + LogFormat.hashBytes + 4 + maximumPayloadBytes
        + 4 + maximumExtensionBytes + LogFormat.frameTrailerBytes
}
