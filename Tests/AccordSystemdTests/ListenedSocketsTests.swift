import XCTest

@testable import AccordSystemd

final class ListenedSocketsTests: XCTestCase {
    private static let socketActivate = "/usr/bin/systemd-socket-activate"
    private static let childMarker = "ACCORD-SYSTEMD-CHILD"
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        try ChildRole.skipUnlessRunningAs(self.testName)
        self.directory = try TemporaryDirectory()
    }

    override func tearDown() {
        self.directory?.remove()
    }

    private var testName: String {
        String(self.name.split(separator: ".").last ?? "").split(separator: "/").last.map(String.init) ?? self.name
    }

    private func requireSocketActivate() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.socketActivate) else {
            throw XCTSkip("\(Self.socketActivate) is missing (Debian package systemd)")
        }
    }

    func testLauncherPassesOneNamedSocketAsFdThree() throws {
        try self.requireSocketActivate()
        let path = self.directory.appending("accord.sock")
        let child = try ChildProcess(
            executable: Self.socketActivate,
            arguments: [
                "--listen=\(path)", "--fdname=accord", "/bin/sh", "-c",
                #"echo "$LISTEN_FDS $LISTEN_FDNAMES"; test "$LISTEN_PID" = "$$" && echo "pid matches""#,
            ],
            outputPath: self.directory.appending("output")
        )
        close(try self.connectWhenListening(path, child: child))
        XCTAssertEqual(try child.waitForExit(timeoutSeconds: 30), 0, child.output)
        let lines = child.output.split(separator: "\n")
        XCTAssertTrue(lines.contains("1 accord"), child.output)
        XCTAssertTrue(lines.contains("pid matches"), child.output)
    }

    func testSocketActivatedProcessFindsAndServesOnTheNamedSocket() throws {
        if ChildRole.current != nil {
            return try self.childFindsAndServesOnTheNamedSocket()
        }
        try self.requireSocketActivate()
        let path = self.directory.appending("accord.sock")
        let child = try ChildProcess(
            executable: Self.socketActivate,
            arguments: [
                "--listen=\(path)", "--fdname=accord", "--setenv=\(ChildRole.variable)=\(self.testName)",
                try ChildProcess.testExecutablePath, ChildRole.selector(Self.self, self.testName),
            ],
            outputPath: self.directory.appending("output")
        )
        let connection = try self.connectWhenListening(path, child: child)
        defer { close(connection) }
        XCTAssertTrue(
            try waitReadable(connection, timeoutMilliseconds: 60_000),
            "child never answered:\n\(child.output)"
        )
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(connection, &buffer, buffer.count)
        XCTAssertEqual(String(decoding: buffer[..<max(count, 0)], as: UTF8.self), "accepted on fd 3\n")
        XCTAssertEqual(try child.waitForExit(timeoutSeconds: 60), 0, child.output)
        XCTAssertTrue(child.output.contains("\(Self.childMarker) fd=3 name=accord"), child.output)
    }

    /// Runs in the activated child: the pending connection of the parent must be accepted on the socket found.
    private func childFindsAndServesOnTheNamedSocket() throws {
        let sockets = try ListenedSockets.fromEnvironment()
        XCTAssertEqual(sockets.sockets.map(\.fd), [3])
        XCTAssertEqual(sockets.sockets.map(\.name), ["accord"])
        XCTAssertNil(sockets.socket(named: "other"))
        for variable in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
            XCTAssertNil(environmentValue(variable), "\(variable) must be unset for children")
        }
        let fileDescriptor = try XCTUnwrap(sockets.socket(named: "accord"))
        XCTAssertNotEqual(fcntl(fileDescriptor, F_GETFD) & FD_CLOEXEC, 0, "inherited socket must be close-on-exec")
        let connection = accept(fileDescriptor, nil, nil)
        XCTAssertGreaterThanOrEqual(connection, 0, "accept: errno \(errno)")
        let reply = Array("accepted on fd \(fileDescriptor)\n".utf8)
        XCTAssertEqual(write(connection, reply, reply.count), reply.count)
        close(connection)
        print("\(Self.childMarker) fd=\(fileDescriptor) name=\(sockets.sockets.first?.name ?? "")")
    }

    func testInheritedDescriptorThatIsNotAListeningUnixSocketIsRejected() throws {
        if ChildRole.current != nil {
            return self.childRejectsItsDescriptor()
        }
        let child = try ChildProcess(
            executable: "/bin/sh",
            arguments: [
                "-c", #"LISTEN_PID=$$ LISTEN_FDS=1 LISTEN_FDNAMES=accord exec "$0" "$1" 3</dev/null"#,
                try ChildProcess.testExecutablePath, ChildRole.selector(Self.self, self.testName),
            ],
            environment: ProcessInfo.processInfo.environment.merging([ChildRole.variable: self.testName]) { $1 },
            outputPath: self.directory.appending("output")
        )
        XCTAssertEqual(try child.waitForExit(timeoutSeconds: 60), 0, child.output)
        XCTAssertTrue(child.output.contains("\(Self.childMarker) rejected"), child.output)
    }

    private func childRejectsItsDescriptor() {
        XCTAssertThrowsError(try ListenedSockets.fromEnvironment()) { error in
            let systemdError = error as? SystemdError
            XCTAssertEqual(systemdError?.code, "inherited-socket-not-unix-stream-listener")
            XCTAssertTrue(systemdError?.message.contains("descriptor 3 named \"accord\"") ?? false, "\(error)")
            print("\(Self.childMarker) rejected: \(error)")
        }
    }

    func testSocketsMeantForAnotherProcessAreIgnoredAndTheVariablesCleared() throws {
        let sockets = try withEnvironment([
            "LISTEN_FDS": "1", "LISTEN_PID": "\(getpid() + 1)", "LISTEN_FDNAMES": "accord",
        ]) {
            let sockets = try ListenedSockets.fromEnvironment()
            for variable in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
                XCTAssertNil(environmentValue(variable), variable)
            }
            return sockets
        }
        XCTAssertTrue(sockets.sockets.isEmpty)
        XCTAssertNil(sockets.socket(named: "accord"))
    }

    func testNoSocketsWithoutActivation() throws {
        let sockets = try withEnvironment(["LISTEN_FDS": nil, "LISTEN_PID": nil, "LISTEN_FDNAMES": nil]) {
            try ListenedSockets.fromEnvironment()
        }
        XCTAssertTrue(sockets.sockets.isEmpty)
    }

    func testLookupByNameTakesTheFirstMatch() {
        let sockets = ListenedSockets(sockets: [
            (fd: 3, name: "metrics"), (fd: 4, name: "accord"), (fd: 5, name: "accord"),
        ])
        XCTAssertEqual(sockets.socket(named: "accord"), 4)
        XCTAssertEqual(sockets.socket(named: "metrics"), 3)
        XCTAssertNil(sockets.socket(named: "unknown"))
    }

    /// systemd-socket-activate starts the child only when a client connects, once its socket exists.
    /// Connects once the socket listens. Its file appears at bind(), before listen(): a connect in between is
    /// refused (seen in CI as errno 111), so it is retried until the deadline, not tried once.
    private func connectWhenListening(_ path: String, child: ChildProcess) throws -> Int32 {
        var connection: Int32?
        var lastError: (any Error)?
        let connected = waitUntil(timeoutSeconds: 30) {
            do {
                connection = try UnixSocket.connect(to: path)
            } catch {
                lastError = error
            }
            return connection != nil || !child.process.isRunning
        }
        guard connected, let connection else {
            throw TestFailure(
                "\(path) never took a connection (\(lastError.map { "\($0)" } ?? "the child ended")):\n\(child.output)"
            )
        }
        return connection
    }
}
