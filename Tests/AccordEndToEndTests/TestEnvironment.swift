import Foundation

/// The environment children of the tests get: this process's, without the systemd variables that would make a
/// daemon believe it runs under systemd (the tests set them on purpose where they mean to).
enum TestEnvironment {
    static let systemdVariables = [
        "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
        "JOURNAL_STREAM", "INVOCATION_ID",
    ]

    static var withoutSystemd: [String: String] {
        ProcessInfo.processInfo.environment.filter { !systemdVariables.contains($0.key) }
    }
}
