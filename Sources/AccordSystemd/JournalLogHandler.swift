import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A swift-log handler that writes structured entries to journald with `sd_journal_sendv`: the message, its
/// priority, the caller's location, the logger label and every metadata item as a field of its own, so that
/// `journalctl ACCORD_POSITION=42` finds an entry without parsing text.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let syslogIdentifier: String

    public init(
        label: String,
        logLevel: Logger.Level = .info,
        syslogIdentifier: String = "accordd",
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.logLevel = logLevel
        self.metadata = [:]
        self.syslogIdentifier = syslogIdentifier
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey metadataKey: String) -> Logger.Metadata.Value? {
        get { self.metadata[metadataKey] }
        set { self.metadata[metadataKey] = newValue }
    }

    public func log(event: LogEvent) {
        // A log handler has nowhere to report its own failure: when journald is gone the entry is lost,
        // as it would be with syslog(3).
        _ = Self.send(self.fields(for: event))
    }

    /// The `FIELD=value` strings of one journal entry, in the order they are sent.
    func fields(for event: LogEvent) -> [String] {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(for: event.level))",
            "SYSLOG_IDENTIFIER=\(self.syslogIdentifier)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
            "SWIFT_LOG_LABEL=\(self.label)",
            "SWIFT_LOG_SOURCE=\(event.source)",
        ]
        if let error = event.error {
            fields.append("SWIFT_LOG_ERROR=\(error)")
        }
        for (key, value) in self.mergedMetadata(event.metadata).sorted(by: { $0.key < $1.key }) {
            fields.append("\(Self.journalFieldName(forMetadataKey: key))=\(value)")
        }
        return fields
    }

    /// Handler metadata, then the provider's, then the call's: the later wins, as in swift-log's own handlers.
    private func mergedMetadata(_ eventMetadata: Logger.Metadata?) -> Logger.Metadata {
        var merged = self.metadata
        if let provided = self.metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let eventMetadata {
            merged.merge(eventMetadata) { _, new in new }
        }
        return merged
    }

    /// syslog(3) priorities: swift-log has no `LOG_ALERT` or `LOG_EMERG`, and `trace` has no level below debug.
    public static func priority(for level: Logger.Level) -> Int32 {
        switch level {
        case .trace, .debug: LOG_DEBUG
        case .info: LOG_INFO
        case .notice: LOG_NOTICE
        case .warning: LOG_WARNING
        case .error: LOG_ERR
        case .critical: LOG_CRIT
        }
    }

    /// Sends one entry; returns sd_journal_sendv's result (0 or `-errno`).
    static func send(_ fields: [String]) -> Int32 {
        // One contiguous buffer keeps every iovec's base address valid for the duration of the call.
        var buffer: [UInt8] = []
        var spans: [(offset: Int, length: Int)] = []
        for field in fields {
            spans.append((offset: buffer.count, length: field.utf8.count))
            buffer.append(contentsOf: field.utf8)
        }
        return buffer.withUnsafeMutableBytes { bytes in
            let vectors = spans.map { span in
                iovec(iov_base: bytes.baseAddress.map { $0 + span.offset }, iov_len: span.length)
            }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}
