import Foundation

/// Real users and groups for the role tests, made with useradd/groupadd and removed when the test ends; only
/// what this test created is removed. Needs root.
final class LocalAccounts {
    private var createdUsers: [String] = []
    private var createdGroups: [String] = []

    static var available: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    /// A new user without a home; its name is unique to this run. Without a login shell unless `canLogIn`, which
    /// gives it /bin/sh and a password field that no password matches but that sshd does not take for a locked
    /// account, so it can log in with a key.
    func user(_ prefix: String, canLogIn: Bool = false) throws -> (name: String, id: UInt32, groupID: UInt32) {
        let name = "\(prefix)\(UInt32.random(in: 10_000...99_999))"
        let shell = canLogIn ? "/bin/sh" : "/usr/sbin/nologin"
        try Self.run("/usr/sbin/useradd", ["--no-create-home", "--shell", shell, "--user-group", name])
        createdUsers.append(name)
        if canLogIn { try Self.run("/usr/sbin/usermod", ["--password", "*", name]) }
        return (name, try Self.id("-u", name), try Self.id("-g", name))
    }

    /// The group's id, creating the group when it does not exist yet.
    func group(_ name: String) throws -> UInt32 {
        if let existing = try? Self.getent(group: name) { return existing }
        try Self.run("/usr/sbin/groupadd", [name])
        createdGroups.append(name)
        return try Self.getent(group: name)
    }

    func addToGroup(user: String, group: String) throws {
        try Self.run("/usr/sbin/usermod", ["--append", "--groups", group, user])
    }

    deinit {
        for user in createdUsers { _ = try? Self.run("/usr/sbin/userdel", [user]) }
        for group in createdGroups { _ = try? Self.run("/usr/sbin/groupdel", [group]) }
    }

    private static func getent(group name: String) throws -> UInt32 {
        let line = try run("/usr/bin/getent", ["group", name])
        guard let id = line.split(separator: ":").dropFirst(2).first.flatMap({ UInt32($0) }) else {
            throw DaemonFailure(message: "no group \(name)")
        }
        return id
    }

    private static func id(_ flag: String, _ name: String) throws -> UInt32 {
        let text = try run("/usr/bin/id", [flag, name]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = UInt32(text) else { throw DaemonFailure(message: "id \(flag) \(name): \(text)") }
        return id
    }

    @discardableResult
    private static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let (status, text) = try ChildOutput.run(process)
        guard status == 0 else {
            throw DaemonFailure(message: "\(program) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}
