import AccordClient
import AccordAPI
import ArgumentParser
import Foundation

/// Runs `accord` with the exit codes its users rely on: 0 ok, 1 refused (a rule or a conflict), 2 usage error,
/// 3 daemon unreachable, 4 unhealthy (`accord status`).
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
            arguments = arguments.dropFirst(GlobalOptions.optionsTakingValues.contains(first) ? 2 : 1)
        }
        return arguments.first == VerifyCommand.configuration.commandName ? VerifyCommand.usage : ExitStatus.usage
    }

    /// Prints the error (as the API's JSON error body with `--json`, so scripts read every failure the same way)
    /// and exits with its code.
    private static func finish(_ error: any Error) -> Never {
        if let clientError = error as? ClientError {
            report(
                APIError(
                    code: clientError.code,
                    message: clientError.message,
                    field: clientError.field,
                    id: clientError.id,
                    progress: clientError.progress
                )
            )
            exit(ExitStatus.code(for: clientError))
        }
        if let failure = error as? CommandFailure {
            report(APIError(code: failure.code.rawValue, message: failure.message))
            exit(failure.exitCode)
        }
        let code = Accord.exitCode(for: error)
        if code == .success {
            let message = Accord.fullMessage(for: error)
            if !message.isEmpty { print(message) }
            exit(ExitStatus.success)
        }
        // A command that chose its exit code has said why already.
        if error is ExitCode { exit(code.rawValue) }
        if let unknown = SubcommandSuggestion.failure(arguments: CommandLine.arguments.dropFirst()) {
            report(APIError(code: unknown.code.rawValue, message: unknown.message))
            exit(unknown.exitCode)
        }
        if jsonRequested {
            report(APIError(code: CommandFailure.Code.usage.rawValue, message: Accord.message(for: error)))
        } else {
            let message = Accord.fullMessage(for: error)
            if !message.isEmpty { Console.standardError(message) }
        }
        exit(usageExitCode)
    }

    private static let jsonRequested = CommandLine.arguments.contains("--json")

    private static func report(_ error: APIError) {
        Console.standardError(jsonRequested ? Console.errorJSON(error) : Console.errorLine(error.message))
    }
}
