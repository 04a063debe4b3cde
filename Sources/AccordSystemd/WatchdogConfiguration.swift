import CSystemd

/// The service watchdog systemd expects this process to feed (`WatchdogSec=`), read through
/// `sd_watchdog_enabled`, which honours `WATCHDOG_PID`: a watchdog meant for another process reads as disabled.
public struct WatchdogConfiguration: Sendable, Equatable {
    /// The watchdog timeout, or nil when no watchdog is expected from this process.
    public let intervalMicroseconds: UInt64?

    public init(intervalMicroseconds: UInt64?) {
        self.intervalMicroseconds = intervalMicroseconds
    }

    /// Reads `WATCHDOG_USEC` and `WATCHDOG_PID`, leaving them set so a later read gives the same answer.
    public static func fromEnvironment() throws(SystemdError) -> WatchdogConfiguration {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        if result < 0 {
            throw SystemdError.invalidWatchdogEnvironment(result: result)
        }
        return WatchdogConfiguration(intervalMicroseconds: result > 0 ? microseconds : nil)
    }

    public var isEnabled: Bool {
        self.intervalMicroseconds != nil
    }

    /// Half the timeout, as sd_watchdog_enabled(3) recommends, so one late ping does not trip it.
    public var pingIntervalMicroseconds: UInt64? {
        self.intervalMicroseconds.map { $0 / 2 }
    }
}
