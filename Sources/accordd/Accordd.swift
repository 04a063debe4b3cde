import AccordAPI
import AccordServer
import AccordSystemd
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

@main
struct Accordd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accordd",
        abstract: "The Accord daemon: an append-only, hash-chained ledger of research collaborations.",
        discussion: """
            accordd opens its log (<data-dir>/ledger.log), verifies every record's checksum and hash chain, replays it \
            into the read models, then answers HTTP/JSON on a Unix socket. Every acknowledged event has been \
            fdatasync'ed first. SIGTERM or SIGINT stop it cleanly; SIGHUP re-reads the configuration file.

            Default places: as root, socket /run/accord/accord.sock (or $RUNTIME_DIRECTORY/accord.sock) and data \
            /var/lib/accord (or $STATE_DIRECTORY); as another user, socket $XDG_RUNTIME_DIR/accord/accord.sock and \
            data $XDG_STATE_HOME/accord (~/.local/state/accord). Under systemd socket activation it serves on the \
            inherited socket named "accord" and never creates or removes it.
            """,
        version: AccordVersion.current
    )

    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp("Unix socket path to listen on (ignored under socket activation).", valueName: "path")
    )
    var socketPath: String?

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp("Folder holding the log and the personal-data store.", valueName: "path")
    )
    var dataDirectory: String?

    @Option(
        name: .customLong("log-target"),
        help:
            "Where log lines go: journal (structured, via sd_journal_sendv), stderr, or auto (journal when started by systemd)."
    )
    var logTarget: LogTarget = .auto

    @Option(
        name: .customLong("log-level"),
        help:
            "Lowest level logged: trace, debug, info, notice, warning, error, critical. Overrides the configuration file."
    )
    var logLevel: Logger.Level?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "JSON settings re-read on SIGHUP: logLevel, maximumBodyBytes, maximumConnections, idleTimeoutMilliseconds, shutdownGraceMilliseconds, streamStallTimeoutMilliseconds (how long a follower of the log may leave a chunk unread). Default: \(Accordd.defaultConfigurationPath) when it exists.",
            valueName: "path"
        )
    )
    var configurationPath: String?

    @Flag(
        name: .customLong("set-aside-damaged-tail"),
        help:
            "Start even if the log's last record is whole but damaged: move it to a file next to the log. Only when you know the machine crashed while writing; otherwise restore the log from a backup."
    )
    var setAsideDamagedTail = false

    static let defaultConfigurationPath = "/etc/accord/accordd.json"

    func validate() throws {
        if let configurationPath, !FileManager.default.isReadableFile(atPath: configurationPath) {
            throw ValidationError("--config \(configurationPath) cannot be read; check the path and its permissions")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let places = DefaultPlaces.ofCurrentUser(environment: environment)
        let configuration =
            configurationPath
            ?? (FileManager.default.fileExists(atPath: Accordd.defaultConfigurationPath)
                ? Accordd.defaultConfigurationPath : nil)
        let settings: DaemonSettings
        do {
            settings = try DaemonSettings.load(path: configuration, flagLogLevel: logLevel)
        } catch {
            FileHandle.standardError.write(Data("accordd: \(error)\n".utf8))
            throw ExitCode(DaemonError.configurationExitCode)
        }
        let sharedLevel = SharedLogLevel(settings.logLevel)
        let makeHandler = logTarget.logHandlerFactory(logLevel: .trace, environment: environment)
        LoggingSystem.bootstrap { label in LevelGatedLogHandler(inner: makeHandler(label), sharedLevel: sharedLevel) }
        let logger = Logger(label: "accordd")

        let listened: ListenedSockets
        do {
            listened = try ListenedSockets.fromEnvironment()
        } catch {
            logger.critical("cannot use the sockets systemd passed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
        let socket: ListeningSocket
        if let inherited = listened.socket(named: "accord") ?? listened.sockets.first?.fd {
            let name = listened.sockets.first { $0.fd == inherited }?.name ?? "accord"
            socket = .inherited(fileDescriptor: inherited, name: name)
        } else {
            socket = .path(socketPath ?? places.socketPath)
        }
        let daemon = DaemonService(
            socket: socket,
            dataDirectory: dataDirectory ?? places.dataDirectory,
            setAsideDamagedTail: setAsideDamagedTail,
            configurationPath: configuration,
            flagLogLevel: logLevel,
            settings: settings,
            sharedLevel: sharedLevel,
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [daemon],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch let error as DaemonError {
            if !error.logged { logger.critical("accordd stopped: \(error)") }
            throw ExitCode(error.exitCode)
        } catch {
            logger.critical("accordd stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

extension LogTarget: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}
