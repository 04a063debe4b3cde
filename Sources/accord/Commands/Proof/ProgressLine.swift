import Foundation
import Synchronization

/// A progress line on standard error, redrawn in place, only when standard error is a terminal.
final class ProgressLine: Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lastPercent = Mutex(-1)

    init(label: String) {
        self.label = label
    }

    func show(_ done: UInt64, of total: UInt64) {
        guard enabled, total > 0 else { return }
        let percent = Int(min(done, total) * 100 / total)
        guard
            lastPercent.withLock({ last in
                defer { last = percent }; return last != percent
            })
        else { return }
        let mebibytes = Double(done) / 1_048_576
        FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(String(format: "%.1f", mebibytes)) MiB)".utf8))
    }

    func finish() {
        guard enabled, lastPercent.withLock({ $0 >= 0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
