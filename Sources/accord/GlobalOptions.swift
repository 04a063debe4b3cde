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

    @Flag(name: .customLong("json"), help: "Print machine-readable JSON instead of tables.")
    var json = false

    @Flag(name: .customLong("wide"), help: "Show every table cell whole instead of fitting the table to the terminal.")
    var wide = false

    /// The width tables are fitted to; none with --wide.
    var tableWidth: Int? { wide ? nil : TerminalWidth.current() }

    var resolvedSocketPath: String {
        if let socketPath { return socketPath }
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["ACCORD_SOCKET"], !explicit.isEmpty { return explicit }
        let own = DefaultPlaces.ofCurrentUser(environment: environment).socketPath
        // A user's own daemon wins; without one, the system service's socket (every local user may connect; roles decide the rest).
        if !FileManager.default.fileExists(atPath: own),
            FileManager.default.fileExists(atPath: GlobalOptions.systemSocketPath)
        {
            return GlobalOptions.systemSocketPath
        }
        return own
    }

    static let systemSocketPath = "/run/accord/accord.sock"

    /// The options above that take a value, so a command line can be walked without parsing it.
    static let optionsTakingValues: Set<String> = ["--socket", "--timeout"]

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp("Seconds to wait for the daemon's answer (1 to 3600).", valueName: "seconds")
    )
    var timeoutSeconds: Int = 120

    func validate() throws {
        guard (1...3_600).contains(timeoutSeconds) else {
            throw ValidationError("--timeout must be between 1 and 3600 seconds")
        }
    }

    var client: AccordClient { AccordClient(socketPath: resolvedSocketPath, timeoutSeconds: Int64(timeoutSeconds)) }
}
