/// What `POST /v1/import` answers: where the import of a file stands after the request.
public struct ImportReport: Codable, Sendable, Equatable {
    /// The file's number of lines, as the request gave it.
    public var lines: UInt64
    /// Records this request appended (0 for a request without frames, or when the file was imported already).
    public var appended: UInt64
    /// The file's last line the ledger holds (0 for none): the next request starts at the line after it.
    public var importedThrough: UInt64
    /// Whether the ledger holds the whole file; until then the daemon refuses every command.
    public var complete: Bool
    /// The ledger's head after the request.
    public var head: ChainHeadView
    /// The daemon's request body limit now, which bounds the frames one request can carry.
    public var maximumBodyBytes: Int

    public init(
        lines: UInt64,
        appended: UInt64,
        importedThrough: UInt64,
        complete: Bool,
        head: ChainHeadView,
        maximumBodyBytes: Int
    ) {
        self.lines = lines
        self.appended = appended
        self.importedThrough = importedThrough
        self.complete = complete
        self.head = head
        self.maximumBodyBytes = maximumBodyBytes
    }
}
