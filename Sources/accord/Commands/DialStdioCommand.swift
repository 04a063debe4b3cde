import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `accord dial-stdio`: what `accord --host ssh://…` runs on the server. It connects to the local daemon's socket
/// and copies standard input to it and its answers to standard output until the daemon closes the connection.
/// The daemon sees this process, so the SSH user's identity and roles apply.
struct DialStdioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dial-stdio",
        abstract: "Bridge standard input and output to the daemon's socket (what --host ssh:// runs on the server).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.resolvedSocketPath
        let socket = try UnixSocketConnection(path: path)
        // Requests to the daemon on a thread of their own; when the client is done writing, the daemon is told so.
        let upstream = Thread {
            UnixSocketConnection.copy(from: STDIN_FILENO, to: socket.descriptor)
            shutdown(socket.descriptor, Int32(SHUT_WR))
        }
        upstream.start()
        // The answer is whole once the daemon closes its side, even if the client's side is still open.
        UnixSocketConnection.copy(from: socket.descriptor, to: STDOUT_FILENO)
    }
}
