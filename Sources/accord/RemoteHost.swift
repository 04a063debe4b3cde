import AccordClient
import ArgumentParser

/// `--host ssh://[user@]server[:port]`: a daemon on another machine, reached as Docker reaches one, by running
/// `ssh [-p port] [user@]server accord dial-stdio` and speaking HTTP over its standard input and output.
struct RemoteHost: Equatable {
    let user: String?
    let server: String
    let port: Int?

    static let scheme = "ssh://"

    /// `source` names where the text came from in messages: `--host` or `ACCORD_HOST`.
    init(_ text: String, source: String = "--host") throws {
        guard text.hasPrefix(RemoteHost.scheme) else {
            throw ValidationError("\(source) \(text) is not ssh://[user@]server[:port]; only ssh:// is supported")
        }
        var rest = Substring(text.dropFirst(RemoteHost.scheme.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        var port: Int?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            // An IPv6 address: ssh://[::1]:2222.
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = try RemoteHost.port(after.dropFirst(), in: text, source: source) }
            rest = rest[rest.index(after: rest.startIndex)..<close]
        } else if let colon = rest.lastIndex(of: ":") {
            port = try RemoteHost.port(rest[rest.index(after: colon)...], in: text, source: source)
            rest = rest[..<colon]
        }
        // A name starting with "-" would reach ssh as an option.
        let forbidden: (Character) -> Bool = { $0.isWhitespace || $0 == "/" || $0.asciiValue.map { $0 < 0x20 } == true }
        guard !rest.isEmpty, !rest.hasPrefix("-"), !rest.contains(where: forbidden) else {
            throw ValidationError("\(source) \(text) names no server: write ssh://[user@]server[:port]")
        }
        if let user, user.isEmpty || user.hasPrefix("-") || user.contains(where: forbidden) {
            throw ValidationError("\(source) \(text) has an unusable user name before \"@\"")
        }
        self.user = user
        self.server = String(rest)
        self.port = port
    }

    private static func port(_ text: Substring, in host: String, source: String) throws -> Int {
        guard let port = Int(text), (1...65_535).contains(port) else {
            throw ValidationError("\(source) \(host): the port must be a number from 1 to 65535")
        }
        return port
    }

    var place: String {
        RemoteHost.scheme + (user.map { "\($0)@" } ?? "") + server + (port.map { ":\($0)" } ?? "")
    }

    /// The tunnel: `sshCommand` (ACCORD_SSH_COMMAND, split on spaces, else `ssh`), the port, `--`, the destination,
    /// then the remote `accord dial-stdio`, with `--socket PATH` when one was given for the remote daemon.
    func tunnel(sshCommand: String?, remoteSocket: String?) -> CommandTunnel {
        var arguments = (sshCommand ?? "").split(separator: " ").map(String.init)
        if arguments.isEmpty { arguments = ["ssh"] }
        if let port { arguments += ["-p", String(port)] }
        arguments += [
            "--", (user.map { "\($0)@" } ?? "") + server, "accord", DialStdioCommand.configuration.commandName!,
        ]
        if let remoteSocket { arguments += ["--socket", remoteSocket] }
        return CommandTunnel(arguments: arguments, place: place)
    }
}
