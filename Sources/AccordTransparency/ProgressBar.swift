import Foundation

/// The one-line progress bar that exports and imports draw on standard error when it is a terminal.
public enum ProgressBar {
    /// Redraws the line: `PHASE [####----] DONE/TOTAL UNIT`.
    public static func draw(_ phase: String, done: UInt64, of total: UInt64, unit: String) {
        let width = 40
        let filled = total == 0 ? width : Int(min(done, total) * UInt64(width) / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let label = phase.isEmpty ? "" : phase + " "
        FileHandle.standardError.write(Data("\r\(label)[\(bar)] \(done)/\(total) \(unit)".utf8))
    }

    /// Ends the bar's line, so that what follows starts on a line of its own.
    public static func end() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
