import Foundation

/// Where the socket and the data live when nobody says otherwise. Root gets the system places; anyone else gets
/// per-user ones, so `make run` works without privileges. The daemon and the CLI share this rule.
public struct DefaultPlaces: Sendable, Equatable {
    public var socketPath: String
    public var dataDirectory: String

    public init(environment: [String: String], userID: UInt32, homeDirectory: String) {
        let runtime = environment["RUNTIME_DIRECTORY"].flatMap(DefaultPlaces.firstEntry)
        let state = environment["STATE_DIRECTORY"].flatMap(DefaultPlaces.firstEntry)
        if userID == 0 {
            socketPath = runtime.map { "\($0)/accord.sock" } ?? "/run/accord/accord.sock"
            dataDirectory = state ?? "/var/lib/accord"
        } else {
            let stateHome =
                environment["XDG_STATE_HOME"].flatMap(DefaultPlaces.nonEmpty) ?? "\(homeDirectory)/.local/state"
            dataDirectory = state ?? "\(stateHome)/accord"
            let userRuntime = environment["XDG_RUNTIME_DIR"].flatMap(DefaultPlaces.nonEmpty).map { "\($0)/accord" }
            socketPath = runtime.map { "\($0)/accord.sock" } ?? "\(userRuntime ?? "\(stateHome)/accord")/accord.sock"
        }
    }

    /// systemd passes several directories separated by colons when a unit names several; ours is the first.
    private static func firstEntry(_ value: String) -> String? {
        value.split(separator: ":").first.map(String.init).flatMap(nonEmpty)
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }
}

extension DefaultPlaces {
    /// The places of the user running this process; `~` is `$HOME`, as shells have it, else the password database's.
    public static func ofCurrentUser(environment: [String: String]) -> DefaultPlaces {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DefaultPlaces(environment: environment, userID: getuid(), homeDirectory: home)
    }
}
