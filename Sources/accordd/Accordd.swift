import AccordAPI
import AccordLog
import AccordPostgres
import AccordServer
import AccordSystemd
import AccordTransparency
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
            into the read models, then answers HTTP/JSON on a Unix socket. It listens from before the replay: until \
            the replay ends every request is answered 503 "starting" with its progress, and systemd hears READY=1 \
            only after it. Every acknowledged event has been fdatasync'ed first. SIGTERM or SIGINT stop it cleanly; SIGHUP, or `accord reload` (which waits for the \
            answer), re-reads the configuration file. `accordd --check-config [file]` checks a file without starting \
            anything; `accordd --import FILE` loads an `accord export` file into an empty ledger, offline.

            It keeps a Merkle tree over the log (<data-dir>/ledger.log.tree) and signs checkpoints of it \
            (<data-dir>/checkpoints) with the key from the systemd credential accord-checkpoint-key, else \
            <data-dir>/checkpoint-signing.key (created 0600). At start the log must extend every checkpoint \
            signed: otherwise it stops with exit 65. With --store the tree is built in memory by the replay and the \
            checkpoints are kept in the database beside the records (table accord_checkpoints), checked the same \
            way; both daemons of a primary/standby pair need the same key and checkpointOrigin.

            Exit statuses: 0 after a clean stop; 65 when the ledger's files cannot be trusted as found (a damaged \
            log, one that does not extend a signed checkpoint, a log missing or emptied beside its personal data): \
            an operator must look; 78 when the configuration is wrong; 1 otherwise, which a restart may cure. A \
            failed fdatasync or write of the log (EIO) is one: appends stop at once, the daemon exits 1, and the \
            restart re-verifies the log. A full disk is not: appends are refused (disk_full) until space returns.

            Default places: as root, socket /run/accord/accord.sock (or $RUNTIME_DIRECTORY/accord.sock) and data \
            /var/lib/accord (or $STATE_DIRECTORY); as another user, socket $XDG_RUNTIME_DIR/accord/accord.sock \
            (without XDG_RUNTIME_DIR: accord.sock in the data folder) and data $XDG_STATE_HOME/accord \
            (~/.local/state/accord). Under systemd socket activation it serves on the inherited socket named \
            "accord" and never creates or removes it.
            """,
        version: AccordVersion.current,
        subcommands: [CopyCommand.self]
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
            "JSON settings re-read on reload (SIGHUP, accord reload): logLevel, the limits (maximumBodyBytes, maximumBatchBodyBytes, maximumConnections, maximumConnectionsPerUser, idleTimeoutMilliseconds, headTimeoutMilliseconds, bodyTimeoutMilliseconds, maximumHeaderBytes, maximumHeaderCount, shutdownGraceMilliseconds, streamStallTimeoutMilliseconds (how long a follower of the log may leave a chunk unread), maximumFollowers; see docs/security.md) and checkpointIntervalSeconds; read at start only: checkpointOrigin, witnessPolicyFile. Default: \(Accordd.defaultConfigurationPath) when it exists (decided again at each reload).",
            valueName: "path"
        )
    )
    var configurationPath: String?

    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp(
            "Who may do what: one `user NAME ROLES` or `group NAME ROLES` line per grant, re-read on reload (SIGHUP, accord reload) with the configuration (docs/security.md). Default: \(Accordd.defaultPolicyPath) when it exists; without a file root and accordd's own user are admin and the groups accord-readers, accord-recorders and accord-auditors give those roles.",
            valueName: "path"
        )
    )
    var policyPath: String?

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "Keep the ledger in PostgreSQL instead of <data-dir>/ledger.log: postgresql://USER@HOST:PORT/DATABASE, or postgresql://USER@/DATABASE?host=/run/postgresql for a Unix socket (sslmode=disable|prefer|require for TCP). Never with a password: see --store-password-file. Overrides the configuration file's store. Personal data stays in --data-dir (docs/operations.md).",
            valueName: "url"
        )
    )
    var store: String?

    @Option(
        name: .customLong("store-password-file"),
        help: ArgumentHelp(
            "A file holding the PostgreSQL password (one line). Default: the systemd credential accord-postgresql-password when there is one, else no password (peer or trust authentication).",
            valueName: "path"
        )
    )
    var storePasswordFile: String?

    @Flag(
        name: .customLong("read-only"),
        help: ArgumentHelp(
            "With --store: a standby on a PostgreSQL streaming replica. It serves queries and follow streams as the replica applies the primary's records, and refuses commands (409 store_read_only, naming the primary)."
        )
    )
    var readOnly = false

    @Flag(
        name: .customLong("set-aside-damaged-tail"),
        help:
            "Start even if the log's last record is whole but damaged: move it to a file next to the log. Only when you know the machine crashed while writing; otherwise restore the log from a backup."
    )
    var setAsideDamagedTail = false

    @Flag(
        name: .customLong("check-config"),
        help: ArgumentHelp(
            "Check a configuration file and exit without starting anything: 0 when it is valid, 78 (with the reason) when not. The file is the argument, else --config, else \(Accordd.defaultConfigurationPath) when it exists."
        )
    )
    var checkConfiguration = false

    @Option(
        name: .customLong("import"),
        help: ArgumentHelp(
            "Load an `accord export` file into the empty ledger of --data-dir and exit, without serving: every line's record bytes, hash and chain are verified, and its event checked by the rules a command's event passes against the lines before it (`import_rule_broken`, naming the rule), before anything is appended; each record keeps its position, recorded time, author and payload, and its original hash is kept as provenance (docs/log-format.md 4.4). Stop the daemon on that folder first (with it running, `accord import FILE` does the same through it). Exit 0 when imported, 65 when a line does not verify or breaks a rule (named, with what broke), 1 otherwise.",
            valueName: "file"
        )
    )
    var importFile: String?

    @Argument(help: ArgumentHelp("With --check-config: the file to check.", valueName: "file"))
    var checkedFile: String?

    /// `accordd copy ...` goes to its command before parsing: accordd's own optional file argument (for
    /// --check-config) would otherwise take the word `copy`.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == CopyCommand.configuration.commandName {
            await CopyCommand.main(Array(arguments.dropFirst()))
        } else {
            await main(arguments)
        }
    }

    static let defaultConfigurationPath = "/etc/accord/accordd.json"
    static let defaultPolicyPath = "/etc/accord/policy.conf"

    func validate() throws {
        if importFile != nil, checkConfiguration {
            throw ValidationError("--import and --check-config are two different jobs; give one of them")
        }
        if let checkedFile, !checkConfiguration {
            // A misspelt option makes its value look like this argument: name the word taken, so the typo shows.
            throw ValidationError(
                "\"\(checkedFile)\" was taken as a file argument, which only --check-config takes: to start with a configuration file pass --config FILE, and check the spelling of the options before it (accordd --help)"
            )
        }
        if !checkConfiguration, let configurationPath, !FileManager.default.isReadableFile(atPath: configurationPath) {
            throw ValidationError("--config \(configurationPath) cannot be read; check the path and its permissions")
        }
        if let policyPath, !FileManager.default.isReadableFile(atPath: policyPath) {
            throw ValidationError("--policy \(policyPath) cannot be read; check the path and its permissions")
        }
    }

    func run() async throws {
        if checkConfiguration {
            try ConfigurationCheck.run(path: checkedFile ?? configurationPath)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        if let importFile {
            let folder = dataDirectory ?? DefaultPlaces.ofCurrentUser(environment: environment).dataDirectory
            try await Accordd.runImport(file: importFile, dataDirectory: folder)
            return
        }
        let places = DefaultPlaces.ofCurrentUser(environment: environment)
        let listenedSockets = Result { () throws(SystemdError) in try ListenedSockets.fromEnvironment() }
        let configuration = DaemonSettings.configurationPath(explicit: configurationPath)
        var settings: DaemonSettings
        do throws(DaemonError) {
            settings = try DaemonSettings.load(path: configuration, flagLogLevel: logLevel)
            if let store {
                settings.store = StoreSettings(
                    address: store,
                    passwordFile: storePasswordFile ?? settings.store?.passwordFile,
                    readOnly: readOnly || settings.store?.readOnly == true
                )
            } else if let storePasswordFile {
                guard settings.store != nil else {
                    throw DaemonError(
                        code: "bad_configuration",
                        message: "--store-password-file \(storePasswordFile) is the password of a store, and neither --store nor the configuration file's store names one"
                    )
                }
                settings.store?.passwordFile = storePasswordFile
            }
            if readOnly {
                guard settings.store != nil else {
                    throw DaemonError(
                        code: "bad_configuration",
                        message: "--read-only is for a standby on a PostgreSQL replica: give its --store too"
                    )
                }
                settings.store?.readOnly = true
            }
            if let address = settings.store?.address {
                do throws(LogError) {
                    _ = try PostgresAddress(parsing: address)
                } catch {
                    throw DaemonError(code: error.code, message: error.message, cause: error)
                }
            }
        } catch {
            FileHandle.standardError.write(Data("accordd: \(error)\n".utf8))
            var refusal = error
            refusal.exitCode = DaemonError.configurationExitCode
            await StartFailureAnswer.answerQueuedClients(of: try? listenedSockets.get(), refusal: refusal)
            throw ExitCode(refusal.exitCode)
        }
        let policy =
            policyPath
            ?? (FileManager.default.fileExists(atPath: Accordd.defaultPolicyPath) ? Accordd.defaultPolicyPath : nil)
        let accessPolicy: AccessPolicy
        do {
            accessPolicy = try DaemonService.loadPolicy(path: policy)
        } catch {
            FileHandle.standardError.write(Data("accordd: \(error)\n".utf8))
            let refusal = DaemonError(
                code: PolicyError.code,
                message: error.message,
                cause: error,
                exitCode: DaemonError.configurationExitCode
            )
            await StartFailureAnswer.answerQueuedClients(of: try? listenedSockets.get(), refusal: refusal)
            throw ExitCode(refusal.exitCode)
        }
        let sharedPolicy = PolicyStore(accessPolicy)
        let sharedLevel = SharedLogLevel(settings.logLevel)
        // Asked for the journal where none listens: lines would vanish, and with them the journal's witness of
        // each recorded hash. Standard error keeps them, and the first line says what happened.
        let journalMissing = logTarget == .journal && !JournalPresence.listening()
        let target = journalMissing ? LogTarget.stderr : logTarget
        let makeHandler = target.logHandlerFactory(logLevel: .trace, environment: environment)
        LoggingSystem.bootstrap { label in LevelGatedLogHandler(inner: makeHandler(label), sharedLevel: sharedLevel) }
        let logger = Logger(label: "accordd")
        DaemonMetrics.bootstrap()
        if journalMissing {
            logger.warning(
                "--log-target journal, but no journal listens on \(LogTarget.journalSocketPath): logging to standard error instead; the journal will not witness recorded hashes until accordd runs where journald does"
            )
        }

        let listened: ListenedSockets
        do {
            listened = try listenedSockets.get()
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
            policy: sharedPolicy,
            settings: settings,
            reloader: ConfigurationReloader(
                explicitPath: configurationPath,
                flagLogLevel: logLevel,
                policyPath: policy,
                policy: sharedPolicy,
                sharedLevel: sharedLevel,
                logger: logger
            ),
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
            await StartFailureAnswer.answerQueuedClients(of: listened, refusal: error)
            throw ExitCode(error.exitCode)
        } catch {
            logger.critical("accordd stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

extension Accordd {
    static func runImport(file: String, dataDirectory: String) async throws {
        let showProgress = isatty(STDERR_FILENO) == 1
        do {
            let (events, head) = try await LedgerImport(
                file: file,
                dataDirectory: dataDirectory,
                showProgress: showProgress
            ).run()
            print(
                "imported \(events) events from \(file) into \(dataDirectory)/ledger.log (head \(head.position) \(head.hash))"
            )
        } catch {
            FileHandle.standardError.write(Data("accordd: \(file): \(error)\n".utf8))
            throw ExitCode(error.line == nil ? 1 : DaemonError.dataExitCode)
        }
    }
}

extension LogTarget: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}
