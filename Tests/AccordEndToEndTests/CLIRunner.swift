import Foundation

/// Runs the real `accord` binary (or another of ours, such as `accordd --check-config`) against one socket.
struct CLIRunner {
    var socketPath: String
    var environment: [String: String] = [:]
    var executable = BuiltProducts.client
    /// A program that runs `accord` for us, with its arguments: `setpriv --reuid=…` to run as another user.
    var wrapper: [String] = []

    /// Longer than any command of the suite takes on a loaded machine; a command past it has hung.
    static let deadlineSeconds: TimeInterval = 300

    @discardableResult
    func run(_ arguments: [String], standardInput: String? = nil) throws -> CommandResult {
        try execute(wrapper + [executable, "--socket", socketPath] + arguments, standardInput: standardInput)
    }

    /// The wrapper alone, for one that builds the `accord` command line itself (`script -c COMMAND`).
    func runWithoutSocket() throws -> CommandResult {
        try execute(wrapper, standardInput: nil)
    }

    /// A write to a child that has ended fails with EPIPE instead of killing the whole test process by SIGPIPE.
    private static let brokenPipesAreErrors: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private func execute(_ command: [String], standardInput: String?) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(self.environment) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        _ = Self.brokenPipesAreErrors
        // A child that ends before reading its whole input is judged by its exit code and output.
        if let standardInput { try? input.fileHandleForWriting.write(contentsOf: Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are read at once so a large output on one cannot block the child on the other.
        let reading = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: reading) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: reading) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        // A child that never ends (or an exit the harness never hears of) fails this test, not the whole suite.
        let deadline = Date().addingTimeInterval(Self.deadlineSeconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw CLIRunnerTimeout(command: command, seconds: Self.deadlineSeconds)
        }
        guard reading.wait(timeout: .now() + 30) == .success else {
            throw CLIRunnerTimeout(command: command, seconds: Self.deadlineSeconds)
        }
        // The test process lives for the whole run: each descriptor it forgets counts against its limit.
        for handle in [output.fileHandleForReading, errors.fileHandleForReading, input.fileHandleForReading] {
            try? handle.close()
        }
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
