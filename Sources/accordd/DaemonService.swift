import AccordEngine
import AccordLog
import AccordServer
import AccordSystemd
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The daemon's life: verify and replay the log, serve, supervise (status, watchdog, reload), stop cleanly.
final class DaemonService: Service, Sendable {
    private let socket: ListeningSocket
    private let dataDirectory: String
    private let setAsideDamagedTail: Bool
    private let configurationPath: String?
    private let flagLogLevel: Logger.Level?
    private let settings: Mutex<DaemonSettings>
    private let sharedLevel: SharedLogLevel
    private let logger: Logger
    private let notifier = SystemdNotifier()
    private let failureMessage = Mutex<String?>(nil)

    /// How long a start may run past systemd's timeout each time replay reports progress.
    static let startExtensionMicroseconds: UInt64 = 60_000_000

    init(
        socket: ListeningSocket,
        dataDirectory: String,
        setAsideDamagedTail: Bool,
        configurationPath: String?,
        flagLogLevel: Logger.Level?,
        settings: DaemonSettings,
        sharedLevel: SharedLogLevel,
        logger: Logger
    ) {
        self.socket = socket
        self.dataDirectory = dataDirectory
        self.setAsideDamagedTail = setAsideDamagedTail
        self.configurationPath = configurationPath
        self.flagLogLevel = flagLogLevel
        self.settings = Mutex(settings)
        self.sharedLevel = sharedLevel
        self.logger = logger
    }

    func run() async throws {
        let startedAt = Date()
        notify { try $0.status("verifying the log in \(dataDirectory)") }
        let engine: LedgerEngine
        do {
            engine = try LedgerEngine.open(
                dataDirectory: dataDirectory,
                clock: { Date() },
                setAsideDamagedTail: setAsideDamagedTail,
                progress: { [notifier] progress in
                    try? notifier.status(progress.description)
                    try? notifier.extendTimeout(microseconds: DaemonService.startExtensionMicroseconds)
                }
            )
        } catch {
            var metadata: Logger.Metadata = ["code": "\(error.code)", "data_directory": "\(dataDirectory)"]
            if let position = (error.cause as? LogError)?.position { metadata["accord.position"] = "\(position)" }
            logger.critical("cannot open the ledger: \(error.message)", metadata: metadata)
            let untrusted =
                error.code.hasPrefix("log_") && error.code != "log_io_error" && error.code != "log_locked"
                || error.code == "event_undecodable" || error.code == "log_missing"
            throw DaemonError(
                code: error.code,
                message: error.message,
                cause: error,
                exitCode: untrusted ? DaemonError.dataExitCode : 1,
                logged: true
            )
        }
        if let recovery = engine.recovery { logRecovery(recovery) }
        let group = MultiThreadedEventLoopGroup.singleton
        let connections = ConnectionCounter()
        let responder = AccordResponder(
            engine: engine,
            startedAt: startedAt,
            connectionCount: { connections.value },
            logger: logger
        )
        let server = UnixSocketServer(
            socket: socket,
            responder: responder,
            limits: settings.withLock { $0.limits },
            group: group,
            logger: logger
        )
        connections.source = { server.connectionCount }
        let watchdog =
            (try? WatchdogConfiguration.fromEnvironment()) ?? WatchdogConfiguration(intervalMicroseconds: nil)

        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await server.run { [self] in
                        notify { try $0.ready() }
                        notify { try $0.status(self.servingStatus(engine: engine, server: server)) }
                        logger.info(
                            "ready",
                            metadata: ["head_position": "\(engine.head.position)", "socket": "\(socket)"]
                        )
                    }
                }
                tasks.addTask { await self.supervise(engine: engine, server: server, group: group, watchdog: watchdog) }
                tasks.addTask { await self.reloadOnHangUp(engine: engine, server: server) }
                try await tasks.next()
                tasks.cancelAll()
            }
        } onGracefulShutdown: { [self] in
            notify { try $0.stopping() }
            logger.info("stopping: no new connections, finishing requests in flight")
            server.beginShutdown()
        }
        do {
            try engine.close()
        } catch {
            logger.critical("the log did not close cleanly", metadata: ["error": "\(error)"])
            throw error
        }
        if let failure = failureMessage.withLock({ $0 }) {
            throw DaemonError(code: "stopped_on_failure", message: failure)
        }
        logger.info("stopped cleanly", metadata: ["head_position": "\(engine.head.position)"])
    }

    /// Every second (or quarter watchdog interval): publish STATUS=, ping the watchdog only after a real health check, and stop on a failed writer.
    private func supervise(
        engine: LedgerEngine,
        server: UnixSocketServer,
        group: MultiThreadedEventLoopGroup,
        watchdog: WatchdogConfiguration
    ) async {
        let pingEvery = watchdog.pingIntervalMicroseconds.map { Duration.microseconds(Int64($0)) }
        // Checking four times per ping interval keeps every ping within a quarter interval of its due time, far
        // from the full watchdog interval after which systemd would kill the daemon.
        let tick = min((pingEvery ?? .seconds(4)) / 4, .seconds(1))
        let stuckThreshold = pingEvery ?? .seconds(10)
        let stuckNanoseconds =
            UInt64(stuckThreshold.components.seconds) * 1_000_000_000
            + UInt64(stuckThreshold.components.attoseconds / 1_000_000_000)
        var lastPing = ContinuousClock.now
        var lastStatus = ""
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: tick)
            } catch {
                return
            }
            if let failure = engine.failure {
                let message =
                    "the log writer failed; stopping so that the log is re-verified at the next start: \(failure)"
                if failureMessage.withLock({ state in
                    defer { state = message }; return state == nil
                }) {
                    logger.critical("\(message)")
                    server.beginShutdown()
                }
                continue
            }
            let status = servingStatus(engine: engine, server: server)
            if status != lastStatus {
                notify { try $0.status(status) }
                lastStatus = status
            }
            guard let pingEvery, ContinuousClock.now - lastPing >= pingEvery - tick else { continue }
            let healthy =
                await HealthCheck.eventLoopsAnswer(group, within: .seconds(2))
                && !engine.isWriterStuck(thresholdNanoseconds: stuckNanoseconds)
            if healthy {
                notify { try $0.watchdogPing() }
                lastPing = ContinuousClock.now
            } else {
                logger.error("health check failed: withholding the watchdog ping")
            }
        }
    }

    /// SIGHUP re-reads the configuration: log level and limits change without dropping connections or the log.
    private func reloadOnHangUp(engine: LedgerEngine, server: UnixSocketServer) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            notify { try $0.reloading() }
            do {
                let reloaded = try DaemonSettings.load(path: configurationPath, flagLogLevel: flagLogLevel)
                settings.withLock { $0 = reloaded }
                sharedLevel.current = reloaded.logLevel
                server.limits = reloaded.limits
                server.userNames.forgetAll()
                logger.notice(
                    "configuration reloaded",
                    metadata: [
                        "log_level": "\(reloaded.logLevel)",
                        "maximum_body_bytes": "\(reloaded.limits.maximumBodyBytes)",
                        "maximum_connections": "\(reloaded.limits.maximumConnections)",
                    ]
                )
            } catch {
                logger.error("reload refused; keeping the running configuration", metadata: ["error": "\(error)"])
            }
            notify { try $0.ready() }
            notify { try $0.status(servingStatus(engine: engine, server: server)) }
        }
    }

    /// A torn tail was set aside at start: say exactly what and where, so an operator can look.
    private func logRecovery(_ report: LogOpenReport) {
        if let torn = report.tornTail {
            logger.warning(
                "the log ended with a torn record (a crash during a write): \(torn.byteCount) bytes at offset \(torn.offset) set aside in \(torn.setAsidePath) and the log truncated to its last whole record",
                metadata: ["accord.position": "\(torn.position)", "reason": "\(torn.reason)"]
            )
        }
        logger.info(
            "log verified",
            metadata: [
                "log": "\(report.path)", "head_position": "\(report.head.position)", "head_hash": "\(report.head.hash)",
                "created": "\(report.created)",
            ]
        )
    }

    private func servingStatus(engine: LedgerEngine, server: UnixSocketServer) -> String {
        let head = engine.head
        return
            "serving: head position \(head.position), \(engine.eventCount) events, \(server.connectionCount) connections"
    }

    private func notify(_ body: (SystemdNotifier) throws -> Void) {
        do {
            try body(notifier)
        } catch {
            logger.warning("cannot notify systemd", metadata: ["error": "\(error)"])
        }
    }
}
