import AccordEngine
import AccordLog
import AccordServer
import AccordSystemd
import AccordTransparency
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
    let dataDirectory: String
    private let setAsideDamagedTail: Bool
    /// The settings read at start (the server's first limits); later ones come through `reloader`.
    private let settings: DaemonSettings
    private let reloader: ConfigurationReloader
    private let policy: PolicyStore
    let logger: Logger
    private let notifier = SystemdNotifier()
    /// Why the daemon stopped itself (`stop(because:)`), with the exit status that tells systemd whether to restart.
    private let stopReason = Mutex<(message: String, exitCode: Int32)?>(nil)

    /// How long a start may run past systemd's timeout each time replay reports progress.
    static let startExtensionMicroseconds: UInt64 = 60_000_000

    init(
        socket: ListeningSocket,
        dataDirectory: String,
        setAsideDamagedTail: Bool,
        policy: PolicyStore,
        settings: DaemonSettings,
        reloader: ConfigurationReloader,
        logger: Logger
    ) {
        self.socket = socket
        self.dataDirectory = dataDirectory
        self.setAsideDamagedTail = setAsideDamagedTail
        self.settings = settings
        self.reloader = reloader
        self.policy = policy
        self.logger = logger
    }

    func run() async throws {
        let startedAt = Date()
        try DataFolderCheck.refuseWritableByOthers(dataDirectory)
        notify { [dataDirectory] in try $0.status("verifying the log in \(dataDirectory)") }
        let checkpointSettings = settings.checkpoints
        let witnessPolicy = try DaemonService.loadWitnessPolicy(checkpointSettings)
        let signingKey = try loadSigningKey()
        // A log file's checkpoints are read before it, to check it while it is scanned; a PostgreSQL ledger's come
        // from its database once the replay built the tree (decision 0011).
        let fileCheckpoints = settings.store == nil ? try openCheckpoints(checkpointSettings, key: signingKey) : nil
        // Listening before the replay: until the gate opens, every request is answered 503 starting with progress.
        let gate = StartGate()
        let group = MultiThreadedEventLoopGroup.singleton
        let server = UnixSocketServer(
            socket: socket,
            responder: gate,
            limits: settings.limits,
            group: group,
            logger: logger,
            refused: MetricsRouteResponder.countRefusal
        )
        let listening = try await EarlyListening.begin(server, socket: socket)
        let engine: LedgerEngine
        let issuer: CheckpointIssuer
        let progress: @Sendable (ReplayProgress) -> Void = { [notifier, logger] progress in
            gate.report(progress)
            notifier.notify(logger: logger) {
                try $0.status(
                    progress.description,
                    extendingTimeoutByMicroseconds: DaemonService.startExtensionMicroseconds
                )
            }
        }
        do throws(EngineError) {
            if let store = settings.store {
                engine = try await openPostgreSQLEngine(store, progress: progress)
                do throws(EngineError) {
                    issuer = try await openPostgreSQLCheckpoints(engine, checkpointSettings, key: signingKey)
                } catch {
                    try? await DedicatedThread.run("accordd-close") { () throws(EngineError) in try engine.close() }
                    throw error
                }
            } else {
                guard let fileCheckpoints else { preconditionFailure("a log file's checkpoints open before it") }
                issuer = fileCheckpoints
                engine = try await DedicatedThread.run("accordd-replay") {
                    [dataDirectory, setAsideDamagedTail, settings, fileCheckpoints] () throws(EngineError)
                        -> LedgerEngine in
                    try LedgerEngine.open(
                        dataDirectory: dataDirectory,
                        clock: { Date() },
                        setAsideDamagedTail: setAsideDamagedTail,
                        treeExpectations: fileCheckpoints.expectations,
                        snapshotInterval: settings.snapshotIntervalEvents,
                        progress: progress
                    )
                }
            }
        } catch {
            var metadata: Logger.Metadata = ["code": "\(error.code)", "data_directory": "\(dataDirectory)"]
            if let position = (error.cause as? LogError)?.position { metadata["accord.position"] = "\(position)" }
            logger.critical("cannot open the ledger: \(error.message)", metadata: metadata)
            let refusal = DaemonError(
                code: error.code,
                message: error.message,
                cause: error,
                exitCode: error.meansUntrustedData ? DaemonError.dataExitCode : 1,
                logged: true
            )
            if let serving = listening.abandon() { await stopServing(server, serving, gate: gate, refusal: refusal) }
            throw refusal
        }
        if let recovery = engine.recovery { logRecovery(recovery) }
        logSnapshot(engine.snapshotOutcome, head: engine.head)
        logErasures(of: engine)
        let marker = RunMarker(dataDirectory: dataDirectory)
        if let previous = marker.previousRun() {
            logger.warning(
                "the previous run did not stop cleanly (\(previous)): it was killed, crashed or lost power; the log was verified and ends at position \(engine.head.position), and every acknowledged event is in it",
                metadata: ["accord.position": "\(engine.head.position)"]
            )
        }
        if !marker.begin(startedAt: startedAt) {
            logger.warning(
                "cannot write \(marker.path): if this run does not stop cleanly, the next start cannot say so"
            )
        }
        let transparency = engine.treeStore.map { log in
            Transparency(
                issuer: issuer,
                verification: VerificationService(),
                policy: witnessPolicy,
                log: log,
                stored: { [self] checkpoint, reason in journalCheckpoint(checkpoint, reason: reason) }
            )
        }
        let imports = try await importSession(engine: engine, listening: listening, server: server, gate: gate)
        let connections = ConnectionCounter()
        let responder = AccordResponder(
            engine: engine,
            startedAt: startedAt,
            connectionCount: { connections.value },
            policy: policy,
            logger: logger,
            transparency: transparency,
            maximumFollowers: { [self] in (reloader.applied ?? settings).limits.maximumFollowers },
            daemonProblems: { imports.problems(held: engine.head.position) }
        )
        // A standby signs nothing: its checkpoints come from the primary with the records.
        let signing = settings.store?.readOnly == true ? nil : transparency
        let schedule = signing.map { transparency in
            CheckpointSchedule(
                transparency: transparency,
                intervalSeconds: { [self] in (reloader.applied ?? settings).checkpoints.intervalSeconds },
                logger: logger
            )
        }
        connections.source = { server.connectionCount }
        reloader.attach(server)
        gate.open(
            MetricsRouteResponder(
                next: ImportRouteResponder(
                    next: ReloadRouteResponder(api: responder, reloader: reloader),
                    api: responder,
                    engine: engine,
                    session: imports,
                    maximumBodyBytes: { [self] in (reloader.applied ?? settings).limits.maximumBodyBytes }
                ),
                api: responder,
                engine: engine,
                connectionCount: { server.connectionCount },
                startedAt: startedAt
            )
        )
        let watchdog =
            (try? WatchdogConfiguration.fromEnvironment()) ?? WatchdogConfiguration(intervalMicroseconds: nil)
        guard let serving = try await listening.serve() else { preconditionFailure("only a failed start abandons it") }

        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await serving.value }
                notify { try $0.ready() }
                let status = servingStatus(engine: engine, server: server)
                notify { try $0.status(status) }
                logger.info("ready", metadata: ["head_position": "\(engine.head.position)", "socket": "\(socket)"])
                tasks.addTask { await self.supervise(engine: engine, server: server, group: group, watchdog: watchdog) }
                tasks.addTask { await self.reloadOnHangUp(engine: engine, server: server) }
                if let schedule { tasks.addTask { await schedule.run() } }
                if settings.store?.readOnly == true {
                    tasks.addTask { await self.followReplica(engine: engine, issuer: issuer, server: server) }
                }
                try await tasks.next()
                // Each task lasts as long as the daemon: the first to end (the server, or one that stopped it) ends it.
                server.beginShutdown()
                tasks.cancelAll()
            }
        } onGracefulShutdown: { [self] in
            notify { try $0.stopping() }
            logger.info("stopping: no new connections, finishing requests in flight")
            server.beginShutdown()
        }
        do {
            // Closing waits for the disk or the database (bounded there): on a thread of its own, off the pool.
            try await DedicatedThread.run("accordd-close") { () throws(EngineError) in try engine.close() }
        } catch {
            logger.critical("the log did not close cleanly", metadata: ["error": "\(error)"])
            throw error
        }
        marker.end()
        if let reason = stopReason.withLock({ $0 }) {
            throw DaemonError(code: "stopped_on_failure", message: reason.message, exitCode: reason.exitCode)
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
                stop(
                    because:
                        "the log writer failed; stopping so that the log is re-verified at the next start: \(failure)",
                    server: server
                )
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

    /// Stops the daemon on a failure it cannot go on with; only the first reason counts (logged, and the exit status).
    func stop(because message: String, exitCode: Int32 = 1, server: UnixSocketServer) {
        let first = stopReason.withLock { reason in
            defer { reason = reason ?? (message, exitCode) }
            return reason == nil
        }
        guard first else { return }
        logger.critical("\(message)")
        server.beginShutdown()
    }

    /// SIGHUP reloads as `POST /v1/reload` does; its outcome is only in the journal (`systemctl reload` uses the route).
    private func reloadOnHangUp(engine: LedgerEngine, server: UnixSocketServer) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            _ = try? await reloader.reload()
            let status = servingStatus(engine: engine, server: server)
            notify { try $0.status(status) }
        }
    }

    /// The policy file at `path`, or the defaults without one; accordd's own user is admin either way.
    static func loadPolicy(path: String?) throws(PolicyError) -> AccessPolicy {
        guard let path else { return AccessPolicy.defaults(daemonUserID: geteuid(), groupID: AccountDatabase.groupID) }
        return try AccessPolicy.load(path: path, daemonUserID: geteuid())
    }

    /// A torn tail was set aside at start: say exactly what and where, so an operator can look.
    private func logRecovery(_ report: LogOpenReport) {
        if let torn = report.tornTail {
            logger.warning(
                "the log ended with a torn record (a crash during a write): \(torn.byteCount) bytes at offset \(torn.offset) set aside in \(torn.setAsidePath) and the log truncated to its last whole record",
                metadata: ["accord.position": "\(torn.position)", "reason": "\(torn.reason)"]
            )
        }
        if let position = report.treeFileDisagreement {
            logger.warning(
                "the Merkle tree file disagreed with the log from position \(position) and was rebuilt from the log (expected after a crash: the file is not synchronised; otherwise look at that record)",
                metadata: ["accord.position": "\(position)"]
            )
        }
        logger.info(
            "log verified",
            metadata: [
                "log": "\(report.path)", "head_position": "\(report.head.position)", "head_hash": "\(report.head.hash)",
                "created": "\(report.created)", "tree_root": "\(report.treeRoot.base64)",
            ]
        )
    }

    private func servingStatus(engine: LedgerEngine, server: UnixSocketServer) -> String {
        let head = engine.head
        let serving =
            "serving: head position \(head.position), \(engine.eventCount) events, \(server.connectionCount) connections"
        var status = serving
        if let refused = engine.appendsRefused {
            // The seconds are left out so that STATUS= changes only when the state does.
            status += "; appends refused: \(refused.replacing(#/ for \d+ s/#, with: ""))"
        }
        if let behind = engine.catchUpTrouble {
            status += "; behind the replica: cannot read it since \(ISO8601DateFormatter().string(from: behind.since))"
        }
        if let refusal = reloader.refusal { status += "; last reload refused: \(refusal)" }
        return status
    }

    private func notify(_ body: @escaping @Sendable (SystemdNotifier) throws -> Void) {
        notifier.notify(logger: logger, body)
    }
}
