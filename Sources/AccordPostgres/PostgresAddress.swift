import AccordLog
import Foundation

/// Where a PostgreSQL ledger is: `postgresql://USER@HOST:PORT/DATABASE`, or a Unix socket with libpq's
/// `?host=/run/postgresql` (the socket is `DIR/.s.PGSQL.PORT`). The password never comes from the address: it
/// would sit in the process list and in shell histories.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file itself.
        case unixSocket(path: String)
    }

    /// How a TCP connection uses TLS (libpq's `sslmode`, the three values this build supports).
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var tls: TLSMode

    static let defaultPort = 5432

    /// Parses `text`; the error names the part that is wrong and what is expected.
    public init(parsing text: String) throws(LogError) {
        func refuse(_ problem: String) -> LogError {
            LogError(
                code: PostgresErrorCode.badAddress,
                message: "--store \(text): \(problem); expected postgresql://USER@HOST:PORT/DATABASE or "
                    + "postgresql://USER@/DATABASE?host=/run/postgresql"
            )
        }
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://"),
            let components = URLComponents(string: text)
        else { throw refuse("not a postgresql:// URL") }
        guard components.password == nil else {
            throw refuse(
                "it carries a password, which would be visible in the process list; put the password in a file "
                    + "(--store-password-file, or the systemd credential \(PostgresPassword.credentialName))"
            )
        }
        guard let user = components.user, !user.isEmpty else { throw refuse("the user name is missing") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw refuse("the database name is missing") }
        var socketDirectory: String?
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw refuse("host= must be the absolute path of the socket's folder")
                }
                socketDirectory = value
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    throw refuse("sslmode must be disable, prefer or require")
                }
                tls = mode
            default:
                throw refuse("unknown parameter \(item.name) (the parameters are host and sslmode)")
            }
        }
        let port = components.port ?? Self.defaultPort
        guard (1...65_535).contains(port) else { throw refuse("the port must be between 1 and 65535") }
        if let socketDirectory {
            endpoint = .unixSocket(path: "\(socketDirectory)/.s.PGSQL.\(port)")
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw refuse("the host is missing (or give a socket folder with ?host=/path)")
            }
            endpoint = .tcp(host: host, port: port)
        }
        self.user = user
        self.database = database
        self.tls = tls
    }

    /// The address as given, without a password (it never has one): for messages and the status.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            "postgresql://\(user)@\(host):\(port)/\(database)"
        case .unixSocket(let path):
            "postgresql://\(user)@/\(database)?socket=\(path)"
        }
    }
}
