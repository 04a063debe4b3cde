import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real OpenSSH server for one test: on 127.0.0.1 and a free port, with a throwaway host key, letting in one user
/// with a throwaway key, its sessions' PATH leading to the freshly built `accord`. Stopped when the test ends.
final class SSHServer {
    static let program = "/usr/sbin/sshd"
    let port: Int
    let userKey: String
    let knownHosts: String
    private let logFile: String
    private let process: SpawnedProcess

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: program)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")
    }

    init(folder: TemporaryFolder, user: String) async throws {
        let hostKey = folder.file("ssh_host_ed25519_key")
        userKey = folder.file("user_key")
        try SSHServer.generateKey(hostKey)
        try SSHServer.generateKey(userKey)
        let authorizedKeys = folder.file("authorized_keys")
        try FileManager.default.copyItem(atPath: userKey + ".pub", toPath: authorizedKeys)
        let hostPublic = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8).split(separator: " ").prefix(2)
        port = try SSHServer.freePort()
        knownHosts = folder.file("known_hosts")
        try "[127.0.0.1]:\(port) \(hostPublic.joined(separator: " "))\n".write(
            toFile: knownHosts,
            atomically: true,
            encoding: .utf8
        )
        let configuration = folder.file("sshd_config")
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(hostKey)
        PidFile none
        AuthorizedKeysFile \(authorizedKeys)
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        AllowUsers \(user)
        SetEnv PATH=\(BuiltProducts.folder):/usr/bin:/bin
        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        // sshd refuses to start without its privilege separation folder, which its Debian service creates.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        logFile = folder.file("sshd.log")
        process = try SpawnedProcess([SSHServer.program, "-D", "-e", "-f", configuration], outputPath: logFile)
        let listening = try await Deadline.poll(seconds: 30) { [logFile, process] in
            !process.isRunning || (try? String(contentsOfFile: logFile, encoding: .utf8))?.contains("listening") == true
        }
        guard listening, process.isRunning else { throw DaemonFailure(message: "sshd did not start:\n\(log)") }
    }

    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// ACCORD_SSH_COMMAND for the client: this server's key, its host key as the only one known, no prompt.
    var sshCommand: String {
        "ssh -i \(userKey) -o UserKnownHostsFile=\(knownHosts) -o StrictHostKeyChecking=yes -o BatchMode=yes "
            + "-o IdentitiesOnly=yes -o LogLevel=ERROR -F /dev/null"
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }

    private static func generateKey(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", "accord-test", "-f", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DaemonFailure(message: "ssh-keygen failed for \(path)") }
    }

    /// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DaemonFailure(message: "socket failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw DaemonFailure(message: "cannot bind 127.0.0.1:0: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
