import AccordAPI
import AccordServer
import AccordSystemd
import Logging
import NIOPosix
import Synchronization

/// Re-reads the configuration file and the access policy and puts them in force: the one path for SIGHUP and
/// `POST /v1/reload`.
///
/// The file is decided at each reload (`DaemonSettings.configurationPath`), so one created after the start is read.
/// Both are read before either applies: a refused file or policy changes nothing; the caller learns why.
final class ConfigurationReloader: Sendable {
    private let explicitPath: String?
    private let flagLogLevel: Logger.Level?
    /// The policy file (`--policy` or the default one present at start), or nil for the default groups.
    private let policyPath: String?
    private let policy: PolicyStore
    private let sharedLevel: SharedLogLevel
    private let logger: Logger
    private let notifier = SystemdNotifier()
    /// The server whose limits a reload changes; attached once it exists (it is built after its responder).
    private let server = Mutex<UnixSocketServer?>(nil)
    private let inProgress = Mutex(false)
    private let lastRefusal = Mutex<String?>(nil)
    private let lastApplied = Mutex<DaemonSettings?>(nil)

    /// The code of the refusal when another reload has not answered yet.
    static let inProgressCode = "reload_in_progress"

    init(
        explicitPath: String?,
        flagLogLevel: Logger.Level?,
        policyPath: String?,
        policy: PolicyStore,
        sharedLevel: SharedLogLevel,
        logger: Logger
    ) {
        self.explicitPath = explicitPath
        self.flagLogLevel = flagLogLevel
        self.policyPath = policyPath
        self.policy = policy
        self.sharedLevel = sharedLevel
        self.logger = logger
    }

    func attach(_ server: UnixSocketServer) {
        self.server.withLock { $0 = server }
    }

    /// Why the last reload was refused, until one succeeds: `systemctl status` shows it in the status line, since
    /// `systemctl reload` itself only says that the reload failed.
    var refusal: String? { lastRefusal.withLock { $0 } }

    /// The settings the last successful reload put in force; nil until one has (the start's settings hold).
    var applied: DaemonSettings? { lastApplied.withLock { $0 } }

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
        let reloadedPolicy: AccessPolicy
        do {
            (settings, reloadedPolicy) = try await load(path: path).get()
        } catch {
            logger.error(
                "reload refused; keeping the running configuration: \(error.message)",
                metadata: [
                    "code": "\(error.code)", "configuration": "\(path ?? "none")",
                    "policy": "\(policyPath ?? "defaults")",
                ]
            )
            lastRefusal.withLock { $0 = "\(error.message) [\(error.code)]" }
            throw error
        }
        lastRefusal.withLock { $0 = nil }
        lastApplied.withLock { $0 = settings }
        sharedLevel.current = settings.logLevel
        server.withLock { server in
            server?.limits = settings.limits
            // Account names are looked up once per uid; a reload is the way to see a renamed account.
            server?.userNames.forgetAll()
        }
        policy.current = reloadedPolicy
        let report = ReloadReport(
            configurationFile: path,
            policyFile: policyPath,
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
                "policy": "\(policyPath ?? "defaults")",
            ]
        )
        return report
    }

    /// Reads both files on NIO's thread pool: file I/O stays off Swift's cooperative pool.
    private func load(path: String?) async -> Result<(DaemonSettings, AccessPolicy), DaemonError> {
        let flagLogLevel = flagLogLevel
        let policyPath = policyPath
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                Result { () throws(DaemonError) in
                    let settings = try DaemonSettings.load(path: path, flagLogLevel: flagLogLevel)
                    do throws(PolicyError) {
                        return (settings, try DaemonService.loadPolicy(path: policyPath))
                    } catch {
                        throw DaemonError(code: PolicyError.code, message: error.message, cause: error)
                    }
                }
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
