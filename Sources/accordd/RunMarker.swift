import Foundation

/// `accordd.running` in the data folder: written once the log is open, removed after it closed cleanly. Found at
/// the next start, it says the previous run ended without a clean stop (SIGKILL, a crash, a power cut).
struct RunMarker {
    static let fileName = "accordd.running"

    let path: String

    init(dataDirectory: String) {
        path = "\(dataDirectory)/\(RunMarker.fileName)"
    }

    /// What the marker of an unfinished run says (its pid and start), or nil after a clean stop.
    func previousRun() -> String? {
        guard let contents = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: contents.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details" : text
    }

    /// False when the marker cannot be written: then an unclean stop of this run goes unreported at the next start.
    func begin(startedAt: Date) -> Bool {
        let text = "pid \(getpid()), started \(ISO8601DateFormatter().string(from: startedAt))\n"
        return FileManager.default.createFile(
            atPath: path,
            contents: Data(text.utf8),
            attributes: [.posixPermissions: 0o640]
        )
    }

    func end() {
        unlink(path)
    }
}
