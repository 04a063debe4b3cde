import Foundation
import XCTest

/// `accord --host ssh://…` against a real OpenSSH server on 127.0.0.1 and a real daemon: the server runs
/// `accord dial-stdio` as the SSH user, so the daemon sees that user and applies its roles.
final class RemoteUseTests: XCTestCase {
    func testCommandsOverSSHRunAsTheSSHUserWithItsRoles() async throws {
        try XCTSkipUnless(LocalAccounts.available, "the SSH test creates a user to log in as, which needs root")
        try XCTSkipUnless(
            SSHServer.available,
            "\(SSHServer.program) or ssh is not installed (Debian packages openssh-server and openssh-client; scripts/ensure-dependencies.sh installs them when run as root)"
        )
        let accounts = LocalAccounts()
        let user = try accounts.user("acssh", canLogIn: true)
        let folder = try TemporaryFolder()
        // The SSH user must reach the socket to meet the daemon's policy, which makes it a reader only.
        chmod(folder.path, 0o755)
        let policy = folder.file("policy.conf")
        try "user \(user.name) reader\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--policy", policy]
        )
        try await daemon.start()
        chmod(daemon.socketPath, 0o666)
        let local = CLIRunner(socketPath: daemon.socketPath)
        let seeded = try local.run([
            "institution", "register", "--id", "jrc", "--name", "Joint Research Centre", "--country", "EU", "--kind",
            "commissionService",
        ])
        XCTAssertEqual(seeded.exitCode, 0, seeded.standardError)

        let server = try await SSHServer(folder: folder, user: user.name)
        let host = "ssh://\(user.name)@127.0.0.1:\(server.port)"
        // --socket with --host names the socket on the server.
        var remote = CLIRunner(socketPath: daemon.socketPath, environment: ["ACCORD_SSH_COMMAND": server.sshCommand])
        remote.executable = BuiltProducts.client

        let whoami = try remote.run(["--host", host, "whoami", "--json"])
        XCTAssertEqual(whoami.exitCode, 0, "\(whoami.standardError)\nsshd:\n\(server.log)")
        let identity = whoami.json as? [String: Any]
        XCTAssertEqual(identity?["userName"] as? String, user.name, whoami.standardOutput)
        XCTAssertEqual(identity?["roles"] as? [String], ["reader"], whoami.standardOutput)

        // ACCORD_HOST does what --host does.
        remote.environment["ACCORD_HOST"] = host
        let query = try remote.run(["institution", "list", "--json"])
        XCTAssertEqual(query.exitCode, 0, query.standardError)
        XCTAssertTrue(query.standardOutput.contains("\"jrc\""), query.standardOutput)

        let refused = try remote.run([
            "institution", "register", "--id", "cnrs", "--name", "CNRS", "--country", "FR", "--kind", "other", "--json",
        ])
        XCTAssertEqual(refused.exitCode, 1, refused.standardOutput)
        XCTAssertTrue(refused.standardError.contains("needs the role recorder"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains(user.name), refused.standardError)
        let after = try local.run(["institution", "list", "--json"])
        XCTAssertFalse(after.standardOutput.contains("\"cnrs\""), "the refused command recorded nothing")

        // A server that is not there: exit 3, and ssh says why.
        remote.environment["ACCORD_HOST"] = "ssh://\(user.name)@127.0.0.1:\(server.port == 1 ? 2 : 1)"
        let unreachable = try remote.run(["status"])
        XCTAssertEqual(unreachable.exitCode, 3, unreachable.standardError)
    }

    func testAHostThatIsNotAnSSHAddressIsAUsageErrorNamingTheForm() throws {
        let cli = CLIRunner(socketPath: "/nonexistent/accord.sock")
        for host in [
            "http://server", "ssh://", "ssh://-oProxyCommand=evil", "ssh://user@server:70000", "ssh://-u@server",
        ] {
            let result = try cli.run(["--host", host, "status", "--json"])
            XCTAssertEqual(result.exitCode, 2, "\(host): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains("usage_error"), result.standardError)
            XCTAssertTrue(result.standardError.contains("ssh://"), result.standardError)
        }
        var fromEnvironment = cli
        fromEnvironment.environment["ACCORD_HOST"] = "ftp://server"
        let refused = try fromEnvironment.run(["status"])
        XCTAssertEqual(refused.exitCode, 2, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("ACCORD_HOST ftp://server"), refused.standardError)
    }
}
