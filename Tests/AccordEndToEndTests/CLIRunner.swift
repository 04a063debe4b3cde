import Foundation

/// Runs the real `accord` binary (or another of ours, such as `accordd --check-config`) against one socket.
struct CLIRunner {
    var socketPath: String
    var environment: [String: String] = [:]
    var executable = BuiltProducts.client
    /// A program that runs `accord` for us, with its arguments: `setpriv --reuid=…` to run as another user.
    var wrapper: [String] = []

    @discardableResult
    func run(_ arguments: [String], standardInput: String? = nil) throws -> CommandResult {
        try execute(wrapper + [executable, "--socket", socketPath] + arguments, standardInput: standardInput)
    }

    /// The wrapper alone, for one that builds the `accord` command line itself (`script -c COMMAND`).
    func runWithoutSocket() throws -> CommandResult {
        try execute(wrapper, standardInput: nil)
    }

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
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
