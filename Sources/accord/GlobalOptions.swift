import AccordAPI
import AccordClient
import ArgumentParser
import Foundation

/// Options every command takes: where the daemon is, and how to print.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp(
            "The daemon's Unix socket. Default: $ACCORD_SOCKET, else /run/accord/accord.sock as root, else $XDG_RUNTIME_DIR/accord/accord.sock.",
            valueName: "path"
        )
    )
    var socketPath: String?

    @Flag(name: .customLong("json"), help: "Print machine-readable JSON instead of tables.")
    var json = false

    var resolvedSocketPath: String {
        if let socketPath { return socketPath }
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["ACCORD_SOCKET"], !explicit.isEmpty { return explicit }
        return DefaultPlaces.ofCurrentUser(environment: environment).socketPath
    }

    var client: AccordClient { AccordClient(socketPath: resolvedSocketPath) }
}
