/// Why the daemon could not start or go on; the message says what to do. `exitCode` tells systemd whether a
/// restart can help (see `RestartPreventExitStatus=` in accordd.service).
struct DaemonError: Error, CustomStringConvertible {
    var code: String
    var message: String
    var cause: (any Error)?
    var exitCode: Int32
    /// Set when the daemon already logged this error where it happened, so it is not logged again on the way out.
    var logged: Bool

    /// The ledger's data cannot be trusted as it is (damaged log, a log missing beside its personal data):
    /// restarting cannot help, an operator must look (EX_DATAERR).
    static let dataExitCode: Int32 = 65
    /// The configuration is wrong (EX_CONFIG).
    static let configurationExitCode: Int32 = 78

    init(code: String, message: String, cause: (any Error)? = nil, exitCode: Int32 = 1, logged: Bool = false) {
        self.code = code
        self.message = message
        self.cause = cause
        self.exitCode = exitCode
        self.logged = logged
    }

    var description: String { "\(message) [\(code)]" }
}
