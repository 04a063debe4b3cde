/// Why `accordd --import` loaded nothing (or, past verification, stopped): a typed code, the line of the file at
/// fault when there is one, and what to do.
struct ImportError: Error, CustomStringConvertible {
    var code: String
    var message: String
    /// The line of the export file at fault (from 1), or nil when the fault is not one line's.
    var line: UInt64?
    var cause: (any Error)?

    static let lineTooLong = "import_line_too_long"
    static let tooManyLines = "import_too_many_lines"
    static let unreadable = "import_file_unreadable"
    static let lineInvalid = "import_line_invalid"
    static let frameMissing = "import_frame_missing"
    static let recordDamaged = "import_record_damaged"
    static let chainBroken = "import_chain_broken"
    static let fieldMismatch = "import_field_mismatch"
    static let ledgerNotEmpty = "import_ledger_not_empty"
    static let fileChanged = "import_file_changed"
    static let emptyFile = "import_file_empty"

    init(code: String, message: String, line: UInt64? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.cause = cause
    }

    var description: String {
        (line.map { "line \($0): " } ?? "") + message + " [\(code)]"
    }
}
