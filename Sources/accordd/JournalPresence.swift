import AccordSystemd
import Foundation

/// Whether journald listens on its native socket, which `--log-target journal` writes to.
enum JournalPresence {
    static func listening(at path: String = LogTarget.journalSocketPath) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }
}
