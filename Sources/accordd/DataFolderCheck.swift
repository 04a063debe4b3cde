import Foundation

/// A data folder any user may write to would let anyone replace the log or the personal data: refuse to use it.
enum DataFolderCheck {
    static func refuseWritableByOthers(_ path: String) throws(DaemonError) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }  // created by the engine, 0750
        guard status.st_mode & S_IWOTH == 0 else {
            throw DaemonError(
                code: "data_folder_insecure",
                message:
                    "the data folder \(path) is writable by every user (mode \(String(status.st_mode & 0o7777, radix: 8))), so anyone could replace the log; run `chmod o-w \(path)` (0750 is what accordd creates)",
                exitCode: DaemonError.configurationExitCode
            )
        }
    }
}
