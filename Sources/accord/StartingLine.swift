import AccordAPI
import Foundation
import Synchronization

/// While `accord` waits for a starting daemon: "accordd is starting: replaying 41% …" on standard error, redrawn in
/// place, only when standard error is a terminal; cleared once the wait ends.
final class StartingLine: Sendable {
    static let shared = StartingLine()

    private let enabled = isatty(STDERR_FILENO) == 1
    private let shown = Mutex<String?>(nil)

    func show(_ progress: StartProgress?) {
        guard enabled else { return }
        let line = progress.map { "\($0.summary)…" }
        let previous = shown.withLock { shown in
            defer { shown = line }
            return shown
        }
        guard line != previous else { return }
        FileHandle.standardError.write(Data("\r\(line ?? "")\u{1B}[K".utf8))
    }
}
