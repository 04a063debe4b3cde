import AccordAPI
import AccordServer
import AccordSystemd
import Logging
import NIOPosix
import Synchronization

/// Re-reads the configuration file and puts it in force: the one path for SIGHUP and `POST /v1/reload`.
///
/// The file is decided at each reload (`DaemonSettings.configurationPath`), so one created after the start is read.
/// A refused file changes nothing; the caller learns why.
final class ConfigurationReloader: Sendable {
    private let explicitPath: String?
    private let flagLogLevel: Logger.Level?
    private let sharedLevel: SharedLogLevel
    private let logger: Logger
    private let notifier = SystemdNotifier()
    /// The server whose limits a reload changes; attached once it exists (it is built after its responder).
    private let server = Mutex<UnixSocketServer?>(nil)
    private let inProgress = Mutex(false)
    private let lastRefusal = Mutex<String?>(nil)
    private let intervalSeconds: Mutex<Int>

    /// The code of the refusal when another reload has not answered yet.
    static let inProgressCode = "reload_in_progress"

    init(
        explicitPath: String?,
        flagLogLevel: Logger.Level?,
        sharedLevel: SharedLogLevel,
        checkpointIntervalSeconds: Int,
        logger: Logger
    ) {
        self.explicitPath = explicitPath
        self.intervalSeconds = Mutex(checkpointIntervalSeconds)
        self.flagLogLevel = flagLogLevel
        self.sharedLevel = sharedLevel
        self.logger = logger
    }

    func attach(_ server: UnixSocketServer) {
        self.server.withLock { $0 = server }
    }

    /// Why the last reload was refused, until one succeeds: `systemctl status` shows it in the status line, since
    /// `systemctl reload` itself only says that the reload failed.
    var refusal: String? { lastRefusal.withLock { $0 } }

    /// The checkpoint interval in force: the one setting of the checkpoint schedule a reload may change.
    var checkpointIntervalSeconds: Int { intervalSeconds.withLock { $0 } }

    /// Returns once the new settings are in force; throws, changing nothing, when the file is refused.
    func reload() async throws(DaemonError) -> ReloadReport {
        let alreadyRunning = inProgress.withLock { running in
            defer { running = true }
            return running
        }
        guard !alreadyRunning else {
            throw DaemonError(
                code: ConfigurationReloader.inProgressCode,
                message: "another reload is in progress; retry once it has answered"
            )
        }
        defer { inProgress.withLock { $0 = false } }
        notifier.notify(logger: logger) { try $0.reloading() }
        defer { notifier.notify(logger: logger) { try $0.ready() } }
        let path = DaemonSettings.configurationPath(explicit: explicitPath)
        let settings: DaemonSettings
        do {
            settings = try await load(path: path).get()
        } catch {
            logger.error(
                "reload refused; keeping the running configuration: \(error.message)",
                metadata: ["code": "\(error.code)", "configuration": "\(path ?? "none")"]
            )
            lastRefusal.withLock { $0 = "\(error.message) [\(error.code)]" }
            throw error
        }
        lastRefusal.withLock { $0 = nil }
        sharedLevel.current = settings.logLevel
        server.withLock { $0?.limits = settings.limits }
        intervalSeconds.withLock { $0 = settings.checkpoints.intervalSeconds }
        let report = ReloadReport(
            configurationFile: path,
            logLevel: settings.logLevel.rawValue,
            maximumBodyBytes: settings.limits.maximumBodyBytes,
            maximumConnections: settings.limits.maximumConnections,
            idleTimeoutMilliseconds: settings.limits.idleTimeoutMilliseconds,
            shutdownGraceMilliseconds: settings.limits.shutdownGraceMilliseconds
        )
        logger.notice(
            "configuration reloaded",
            metadata: [
                "configuration": "\(path ?? "none (defaults)")", "log_level": "\(report.logLevel)",
                "maximum_body_bytes": "\(report.maximumBodyBytes)",
                "maximum_connections": "\(report.maximumConnections)",
                "idle_timeout_milliseconds": "\(report.idleTimeoutMilliseconds)",
                "shutdown_grace_milliseconds": "\(report.shutdownGraceMilliseconds)",
                "checkpoint_interval_seconds": "\(settings.checkpoints.intervalSeconds)",
            ]
        )
        return report
    }

    /// Reads the file on NIO's thread pool: file I/O stays off Swift's cooperative pool.
    private func load(path: String?) async -> Result<DaemonSettings, DaemonError> {
        let flagLogLevel = flagLogLevel
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                Result { () throws(DaemonError) in try DaemonSettings.load(path: path, flagLogLevel: flagLogLevel) }
            }
        } catch {
            return .failure(
                DaemonError(
                    code: "reload_failed",
                    message: "the daemon could not read its configuration (\(error)); retry, or restart it",
                    cause: error
                )
            )
        }
    }
}
