import AccordAPI
import AccordClient
import ArgumentParser
import Foundation

/// Options every command takes: where the daemon is, and how to print.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp(
            "The daemon's Unix socket. Default: $ACCORD_SOCKET, else your own accordd's when it exists (as root /run/accord/accord.sock; otherwise $XDG_RUNTIME_DIR/accord/accord.sock, or without XDG_RUNTIME_DIR accord.sock in its data folder ~/.local/state/accord), else /run/accord/accord.sock (the system service).",
            valueName: "path"
        )
    )
    var socketPath: String?

    @Option(
        name: .customLong("host"),
        help: ArgumentHelp(
            "A daemon on another machine, through SSH: ssh://[user@]server[:port] (default: $ACCORD_HOST). Runs `ssh [-p port] [user@]server accord dial-stdio` ($ACCORD_SSH_COMMAND replaces `ssh`); --socket then names the server's socket.",
            valueName: "url"
        )
    )
    var host: String?

    @Flag(name: .customLong("json"), help: "Print machine-readable JSON instead of tables.")
    var json = false

    @Flag(name: .customLong("wide"), help: "Show every table cell whole instead of fitting the table to the terminal.")
    var wide = false

    /// The width tables are fitted to; none with --wide.
    var tableWidth: Int? { wide ? nil : TerminalWidth.current() }

    var resolvedSocketPath: String { GlobalOptions.socketPath(explicit: socketPath) }

    /// The socket `--socket` names, else the default (see the option's help).
    static func socketPath(explicit: String?) -> String {
        if let explicit { return explicit }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["ACCORD_SOCKET"], !fromEnvironment.isEmpty { return fromEnvironment }
        let own = DefaultPlaces.ofCurrentUser(environment: environment).socketPath
        // A user's own daemon wins; without one, the system service's socket (every local user may connect; roles decide the rest).
        if !FileManager.default.fileExists(atPath: own),
            FileManager.default.fileExists(atPath: systemSocketPath)
        {
            return systemSocketPath
        }
        return own
    }

    static let systemSocketPath = "/run/accord/accord.sock"

    /// The options above that take a value, so a command line can be walked without parsing it.
    static let optionsTakingValues: Set<String> = ["--socket", "--host", "--timeout"]

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp("Seconds to wait for the daemon's answer (1 to 3600).", valueName: "seconds")
    )
    var timeoutSeconds: Int = 120

    func validate() throws {
        guard (1...3_600).contains(timeoutSeconds) else {
            throw ValidationError("--timeout must be between 1 and 3600 seconds")
        }
        _ = try remoteHost
    }

    /// The remote daemon: --host, else $ACCORD_HOST; none when both are absent or empty.
    var remoteHost: RemoteHost? {
        get throws {
            if let host { return try RemoteHost(host) }
            guard let text = ProcessInfo.processInfo.environment["ACCORD_HOST"], !text.isEmpty else { return nil }
            return try RemoteHost(text, source: "ACCORD_HOST")
        }
    }

    var client: AccordClient {
        // validate() parsed the host already.
        let tunnel = (try? remoteHost)?.map {
            $0.tunnel(sshCommand: ProcessInfo.processInfo.environment["ACCORD_SSH_COMMAND"], remoteSocket: socketPath)
        }
        var client = AccordClient(socketPath: resolvedSocketPath, timeoutSeconds: Int64(timeoutSeconds), tunnel: tunnel)
        client.startObserver = StartingLine.shared.show
        return client
    }
}
