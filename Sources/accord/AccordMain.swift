import AccordClient
import ArgumentParser
import Foundation

/// Runs `accord` with the exit codes its users rely on: 0 ok, 1 refused (a rule or a conflict), 2 usage error,
/// 3 daemon unreachable.
@main
enum AccordMain {
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try Accord.parseAsRoot()
        } catch {
            finish(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(error)
        }
        exit(ExitStatus.success)
    }

    /// `accord verify` exits 64 on a usage error (its 2 means a gap in what the log proves); the others 2.
    private static var usageExitCode: Int32 {
        var arguments = CommandLine.arguments.dropFirst()
        // Global options may come before the command: `accord --socket PATH verify`.
        while let first = arguments.first, first.hasPrefix("-") {
            arguments = arguments.dropFirst(first == "--socket" || first == "--timeout" ? 2 : 1)
        }
        return arguments.first == VerifyCommand.configuration.commandName ? VerifyCommand.usage : ExitStatus.usage
    }

    private static func finish(_ error: any Error) -> Never {
        if let clientError = error as? ClientError {
            if CommandLine.arguments.contains("--json") {
                Console.standardError(Console.errorJSON(clientError))
            } else {
                Console.standardError(Console.errorLine(clientError.message))
            }
            exit(ExitStatus.code(for: clientError))
        }
        if let failure = error as? CommandFailure {
            Console.standardError(Console.errorLine(failure.message))
            exit(failure.exitCode)
        }
        let code = Accord.exitCode(for: error)
        let message = Accord.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            exit(ExitStatus.success)
        }
        if !message.isEmpty { Console.standardError(message) }
        exit(error is ExitCode ? code.rawValue : usageExitCode)
    }
}
