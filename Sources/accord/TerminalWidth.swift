import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The width tables are fitted to: $COLUMNS when set (as shells and `COLUMNS=100 accord …` do), else the width of
/// the terminal on standard output; none when the output goes to a file or a pipe, so scripts get every cell whole.
enum TerminalWidth {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
