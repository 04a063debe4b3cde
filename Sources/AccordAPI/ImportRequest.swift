/// One piece of an `accord export` file sent to `POST /v1/import` (`accord import FILE`): the frames of consecutive
/// lines, the first at the ledger's next position, and what names the whole file, so that a later piece (or a run
/// started again) continues the same import and the daemon knows when it is complete.
public struct ImportRequest: Codable, Sendable, Equatable {
    /// The one path of the import route.
    public static let path = "/v1/import"
    /// The most frames one request may carry; the body's size limit (`maximumBodyBytes`) usually binds first.
    public static let maximumFrames = 10_000

    /// The file's number of lines, which is its last position.
    public var lines: UInt64
    /// The `hash` of the file's last line (lowercase hex).
    public var lastHash: String
    /// The records' frames (each line's `frame`, base64), in order. Empty asks where the import stands.
    public var frames: [String]

    public init(lines: UInt64, lastHash: String, frames: [String]) {
        self.lines = lines
        self.lastHash = lastHash
        self.frames = frames
    }
}
