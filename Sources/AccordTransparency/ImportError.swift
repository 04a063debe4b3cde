import AccordLog

/// Why an import (`accordd --import`, `accord import`) loaded nothing (or, past verification, stopped): a typed code, the line of the file at
/// fault when there is one, and what to do.
public struct ImportError: Error, CustomStringConvertible {
    public var code: String
    public var message: String
    /// The line of the export file at fault (from 1), or nil when the fault is not one line's.
    public var line: UInt64?
    public var cause: (any Error)?

    public static let lineTooLong = "import_line_too_long"
    public static let tooManyLines = "import_too_many_lines"
    public static let unreadable = "import_file_unreadable"
    public static let lineInvalid = "import_line_invalid"
    public static let frameMissing = "import_frame_missing"
    public static let recordDamaged = "import_record_damaged"
    public static let chainBroken = "import_chain_broken"
    public static let fieldMismatch = "import_field_mismatch"
    public static let ledgerNotEmpty = ImportErrorCode.ledgerNotEmpty
    /// An event the ledger would have refused, checked against the lines before it (the engine's code too).
    public static let ruleBroken = ImportErrorCode.ruleBroken
    public static let fileChanged = "import_file_changed"
    public static let emptyFile = "import_file_empty"
    /// The codes of an import through the daemon (`POST /v1/import`).
    public static let eventUndecodable = "import_event_undecodable"
    public static let otherUnfinished = "import_other_unfinished"
    public static let unfinished = ImportErrorCode.unfinished
    public static let running = "import_running"
    public static let tooManyFrames = "import_too_many_frames"
    /// A command took the position the import's next line needed (the engine's code).
    public static let outOfOrder = ImportErrorCode.outOfOrder
    public static let invalidRequest = "import_request_invalid"
    /// A record too large for one request to the daemon (`accord import`).
    public static let recordTooLarge = "import_record_too_large"

    public init(code: String, message: String, line: UInt64? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.cause = cause
    }

    public var description: String {
        (line.map { "line \($0): " } ?? "") + message + " [\(code)]"
    }
}
