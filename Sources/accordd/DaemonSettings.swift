import AccordServer
import Foundation
import Logging

/// What a reload (SIGHUP) may change without a restart: the log level and the server's limits. Read from the
/// configuration file, with command-line flags winning over it.
struct DaemonSettings: Equatable, Sendable {
    var logLevel: Logger.Level
    var limits: ServerLimits

    /// The file's keys; all optional.
    private struct File: Decodable {
        var logLevel: String?
        var maximumBodyBytes: Int?
        var maximumConnections: Int?
        var shutdownGraceMilliseconds: Int64?
        var idleTimeoutMilliseconds: Int64?
        var streamStallTimeoutMilliseconds: Int64?

        static let keys: Set<String> = [
            "logLevel", "maximumBodyBytes", "maximumConnections", "shutdownGraceMilliseconds",
            "idleTimeoutMilliseconds", "streamStallTimeoutMilliseconds",
        ]
    }

    static let maximumFileBytes = 64 * 1024

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
            if let value = file.maximumBodyBytes {
                try check(value, in: 1_024...16 * 1_024 * 1_024, key: "maximumBodyBytes", path: path)
                settings.limits.maximumBodyBytes = value
            }
            if let value = file.maximumConnections {
                try check(value, in: 1...4_096, key: "maximumConnections", path: path)
                settings.limits.maximumConnections = value
            }
            if let value = file.idleTimeoutMilliseconds {
                try check(Int(value), in: 1_000...3_600_000, key: "idleTimeoutMilliseconds", path: path)
                settings.limits.idleTimeoutMilliseconds = value
            }
            if let value = file.streamStallTimeoutMilliseconds {
                try check(Int(value), in: 100...600_000, key: "streamStallTimeoutMilliseconds", path: path)
                settings.limits.streamStallTimeoutMilliseconds = value
            }
            if let value = file.shutdownGraceMilliseconds {
                try check(Int(value), in: 0...25_000, key: "shutdownGraceMilliseconds", path: path)
                settings.limits.shutdownGraceMilliseconds = value
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

    private static func check(_ value: Int, in range: ClosedRange<Int>, key: String, path: String) throws(DaemonError) {
        guard range.contains(value) else {
            throw DaemonError(
                code: "bad_configuration",
                message: "\(path): \(key) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
    }
}
