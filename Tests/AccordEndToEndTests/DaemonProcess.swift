import AccordClient
import Foundation

/// The real `accordd`, started on a temporary socket and data folder, stopped by signal.
final class DaemonProcess {
    let socketPath: String
    let dataDirectory: String
    let process = Process()
    private let errorFile: String
    /// The daemon's output file, open in the test process only until the daemon holds its own copy.
    private let output: FileHandle?

    /// `launcher` is a program and its arguments that start accordd (its path and arguments follow), such as strace.
    init(
        socketPath: String,
        dataDirectory: String,
        extraArguments: [String] = [],
        environment: [String: String] = [:],
        launcher: [String] = []
    ) throws {
        self.socketPath = socketPath
        self.dataDirectory = dataDirectory
        errorFile = "\(dataDirectory).stderr"
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        let daemonArguments =
            ["--socket", socketPath, "--data-dir", dataDirectory, "--log-target", "stderr"] + extraArguments
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [BuiltProducts.daemon] + daemonArguments
        } else {
            process.executableURL = URL(fileURLWithPath: BuiltProducts.daemon)
            process.arguments = daemonArguments
        }
        var merged = TestEnvironment.withoutSystemd
        merged.merge(environment) { _, new in new }
        process.environment = merged
        output = FileHandle(forWritingAtPath: errorFile)
        process.standardOutput = output
        process.standardError = output
    }

    /// Starts the daemon and waits, with a deadline, until it answers on its socket.
    func start(timeoutSeconds: Double = 60) async throws {
        try process.run()
        try? output?.close()
        let transport = UnixSocketTransport(socketPath: socketPath)
        let answered = try await Deadline.poll(seconds: timeoutSeconds) {
            guard process.isRunning else { return true }
            return (try? await transport.send(HTTPExchange(method: "GET", path: "/v1/status")))?.status == 200
        }
        guard answered, process.isRunning else {
            throw DaemonFailure(
                message:
                    "accordd did not start: exit \(process.isRunning ? "none" : String(process.terminationStatus))\n\(errors)"
            )
        }
    }

    var errors: String {
        (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    }

    /// Sends a signal and waits, with a deadline, for the process to exit; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeoutSeconds: Double = 30) async throws -> Int32 {
        // Never started, its pid is 0, and kill(0, …) would signal the test process's own group.
        guard process.processIdentifier > 0 else { throw DaemonFailure(message: "accordd was never started") }
        if process.isRunning { kill(process.processIdentifier, signal) }
        let exited = try await Deadline.poll(seconds: timeoutSeconds) { !process.isRunning }
        guard exited else {
            kill(process.processIdentifier, SIGKILL)
            throw DaemonFailure(message: "accordd did not exit within \(timeoutSeconds)s after signal \(signal)")
        }
        return process.terminationStatus
    }

    /// Waits, with a deadline, for the process to exit by itself; returns its exit status, nil if it did not exit.
    func exitStatus(withinSeconds seconds: Double) async throws -> Int32? {
        let exited = try await Deadline.poll(seconds: seconds) { !process.isRunning }
        return exited ? process.terminationStatus : nil
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        // A daemon never started still holds its output file here.
        try? output?.close()
    }
}

struct DaemonFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
