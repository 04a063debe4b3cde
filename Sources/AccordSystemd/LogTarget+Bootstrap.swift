import Logging

extension LogTarget {
    /// The factory to hand to `LoggingSystem.bootstrap`, for this target once resolved against `environment`:
    /// `LoggingSystem.bootstrap(target.logHandlerFactory(logLevel: .info, environment: environment))`.
    public func logHandlerFactory(
        logLevel: Logger.Level,
        environment: [String: String],
        syslogIdentifier: String = "accordd"
    ) -> @Sendable (String) -> any LogHandler {
        guard self.resolve(environment: environment) == .journal else {
            return { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = logLevel
                return handler
            }
        }
        return { label in
            JournalLogHandler(label: label, logLevel: logLevel, syslogIdentifier: syslogIdentifier)
        }
    }
}
