#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where the daemon's log goes: `--log-target auto|journal|stderr`.
public enum LogTarget: String, Sendable, CaseIterable {
    /// The journal when systemd started the process and journald listens, else standard error.
    case auto
    /// Structured entries through the journal's native protocol.
    case journal
    /// Plain lines on standard error.
    case stderr

    /// The socket of journald's native protocol, which `sd_journal_sendv` writes to.
    public static let journalSocketPath = "/run/systemd/journal/socket"

    /// Resolves `auto` to `journal` or `stderr`; the other two are returned as chosen. systemd sets
    /// `JOURNAL_STREAM` when standard error goes to the journal and `INVOCATION_ID` for every unit it starts.
    public func resolve(
        environment: [String: String],
        journalSocketPath: String = LogTarget.journalSocketPath
    ) -> LogTarget {
        guard self == .auto else {
            return self
        }
        let startedBySystemd = environment["JOURNAL_STREAM"] != nil || environment["INVOCATION_ID"] != nil
        return startedBySystemd && Self.isSocket(atPath: journalSocketPath) ? .journal : .stderr
    }

    private static func isSocket(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }
}
