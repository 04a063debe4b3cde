import AccordEngine
import AccordServer
import Foundation
import Logging

/// What a reload (SIGHUP) may change without a restart: the log level, the server's limits and the checkpoint
/// interval (the origin is read at start only: it names the log to its witnesses). Read from the configuration
/// file, with command-line flags winning over it.
struct DaemonSettings: Equatable, Sendable {
    var logLevel: Logger.Level
    var limits: ServerLimits
    var checkpoints = CheckpointSettings()
    /// Events between two snapshots of the read models (0: only at a clean stop); read at start only.
    var snapshotIntervalEvents: UInt64 = LedgerEngine.defaultSnapshotInterval
    /// A PostgreSQL store instead of the log file; read at start only.
    var store: StoreSettings?

    /// The file's keys; all optional.
    private struct File: Decodable {
        var logLevel: String?
        var maximumBodyBytes: Int?
        var maximumConnections: Int?
        var shutdownGraceMilliseconds: Int64?
        var idleTimeoutMilliseconds: Int64?
        var checkpointOrigin: String?
        var checkpointIntervalSeconds: Int?
        var witnessPolicyFile: String?
        var maximumConnectionsPerUser: Int?
        var headTimeoutMilliseconds: Int64?
        var bodyTimeoutMilliseconds: Int64?
        var maximumHeaderBytes: Int?
        var maximumHeaderCount: Int?
        var streamStallTimeoutMilliseconds: Int64?
        var maximumFollowers: Int?
        var maximumBatchBodyBytes: Int?
        var snapshotIntervalEvents: UInt64?
        var store: String?
        var storePasswordFile: String?
        var storeReadOnly: Bool?

        static let keys: Set<String> = [
            "logLevel", "maximumBodyBytes", "maximumConnections", "shutdownGraceMilliseconds",
            "idleTimeoutMilliseconds", "maximumConnectionsPerUser", "headTimeoutMilliseconds",
            "bodyTimeoutMilliseconds", "maximumHeaderBytes", "maximumHeaderCount", "checkpointOrigin",
            "checkpointIntervalSeconds", "witnessPolicyFile", "streamStallTimeoutMilliseconds",
            "maximumFollowers", "maximumBatchBodyBytes", "snapshotIntervalEvents", "store", "storePasswordFile",
            "storeReadOnly",
        ]
    }

    static let maximumFileBytes = 64 * 1024

    /// The file a start or a reload reads: the one given with `--config`, else the default when it exists at that
    /// moment (so a file created after the start is read at the next reload, and a removed one means defaults).
    static func configurationPath(explicit: String?) -> String? {
        explicit
            ?? (FileManager.default.fileExists(atPath: Accordd.defaultConfigurationPath)
                ? Accordd.defaultConfigurationPath : nil)
    }

    /// Loads the file at `path` (when given) and lets the flags override it; errors name the key and the rule.
    static func load(path: String?, flagLogLevel: Logger.Level?) throws(DaemonError) -> DaemonSettings {
        var settings = DaemonSettings(logLevel: .info, limits: ServerLimits())
        if let path {
            let file = try readFile(path)
            if let text = file.logLevel {
                guard let level = Logger.Level(rawValue: text) else {
                    throw DaemonError(
                        code: "bad_configuration",
                        message:
                            "\(path): logLevel \"\(text)\" is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                settings.logLevel = level
            }
            var limits = settings.limits
            try set(
                file.maximumBodyBytes,
                1_024...16 * 1_024 * 1_024,
                "maximumBodyBytes",
                path,
                &limits.maximumBodyBytes
            )
            try set(
                file.maximumBatchBodyBytes,
                64 * 1_024...64 * 1_024 * 1_024,
                "maximumBatchBodyBytes",
                path,
                &limits.maximumBatchBodyBytes
            )
            try set(file.maximumConnections, 1...4_096, "maximumConnections", path, &limits.maximumConnections)
            try set(
                file.maximumConnectionsPerUser,
                1...4_096,
                "maximumConnectionsPerUser",
                path,
                &limits.maximumConnectionsPerUser
            )
            try set(
                file.idleTimeoutMilliseconds,
                100...3_600_000,
                "idleTimeoutMilliseconds",
                path,
                &limits.idleTimeoutMilliseconds
            )
            try set(
                file.headTimeoutMilliseconds,
                100...600_000,
                "headTimeoutMilliseconds",
                path,
                &limits.headTimeoutMilliseconds
            )
            try set(
                file.bodyTimeoutMilliseconds,
                100...600_000,
                "bodyTimeoutMilliseconds",
                path,
                &limits.bodyTimeoutMilliseconds
            )
            try set(
                file.maximumHeaderBytes,
                1_024...1_024 * 1_024,
                "maximumHeaderBytes",
                path,
                &limits.maximumHeaderBytes
            )
            try set(file.maximumHeaderCount, 8...1_024, "maximumHeaderCount", path, &limits.maximumHeaderCount)
            try set(
                file.shutdownGraceMilliseconds,
                0...25_000,
                "shutdownGraceMilliseconds",
                path,
                &limits.shutdownGraceMilliseconds
            )
            try set(
                file.streamStallTimeoutMilliseconds,
                100...600_000,
                "streamStallTimeoutMilliseconds",
                path,
                &limits.streamStallTimeoutMilliseconds
            )
            try set(file.maximumFollowers, 1...4_096, "maximumFollowers", path, &limits.maximumFollowers)
            settings.limits = limits
            try set(
                file.checkpointIntervalSeconds,
                1...86_400,
                "checkpointIntervalSeconds",
                path,
                &settings.checkpoints.intervalSeconds
            )
            if let origin = file.checkpointOrigin {
                if let problem = CheckpointSettings.problem(withOrigin: origin) {
                    throw DaemonError(code: "bad_configuration", message: "\(path): checkpointOrigin \(problem)")
                }
                settings.checkpoints.origin = origin
            }
            settings.checkpoints.witnessPolicyFile = file.witnessPolicyFile
            try set(
                file.snapshotIntervalEvents,
                0...100_000_000,
                "snapshotIntervalEvents",
                path,
                &settings.snapshotIntervalEvents
            )
            if let address = file.store {
                settings.store = StoreSettings(
                    address: address,
                    passwordFile: file.storePasswordFile,
                    readOnly: file.storeReadOnly ?? false
                )
            }
        }
        if let flagLogLevel { settings.logLevel = flagLogLevel }
        return settings
    }

    private static func readFile(_ path: String) throws(DaemonError) -> File {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DaemonError(
                code: "configuration_unreadable",
                message: "cannot read the configuration file \(path); check that it exists and that accordd may read it"
            )
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileBytes + 1)) ?? Data()
        guard data.count <= maximumFileBytes else {
            throw DaemonError(
                code: "bad_configuration",
                message: "\(path) is larger than \(maximumFileBytes) bytes; it holds a few settings only"
            )
        }
        let keys = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).map { Set($0.keys) } ?? []
        let unknown = keys.subtracting(File.keys).sorted()
        guard unknown.isEmpty else {
            throw DaemonError(
                code: "bad_configuration",
                message:
                    "\(path): unknown key \(unknown.joined(separator: ", ")); the keys are \(File.keys.sorted().joined(separator: ", "))"
            )
        }
        do {
            return try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw DaemonError(
                code: "bad_configuration",
                message: "\(path) is not valid JSON settings: \(error)",
                cause: error
            )
        }
    }

    /// Takes a limit from the file when it is there and within its range; past the range, the error names the key.
    private static func set<Value: BinaryInteger>(
        _ value: Value?,
        _ range: ClosedRange<Value>,
        _ key: String,
        _ path: String,
        _ target: inout Value
    ) throws(DaemonError) {
        guard let value else { return }
        guard range.contains(value) else {
            throw DaemonError(
                code: "bad_configuration",
                message: "\(path): \(key) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        target = value
    }
}
