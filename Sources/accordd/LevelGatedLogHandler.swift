import Logging

/// Wraps the real handler (journal or stderr) so that a reload's new log level applies to loggers already handed out.
struct LevelGatedLogHandler: LogHandler {
    var inner: any LogHandler
    let sharedLevel: SharedLogLevel

    var logLevel: Logger.Level {
        get { sharedLevel.current }
        set { sharedLevel.current = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var inner = inner
        inner.logLevel = .trace
        inner.log(event: event)
    }
}
