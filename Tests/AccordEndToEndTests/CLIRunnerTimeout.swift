/// A command run by the tests that had not ended within its deadline: it was killed and the test fails.
struct CLIRunnerTimeout: Error, CustomStringConvertible {
    var command: [String]
    var seconds: Double

    var description: String {
        "\(command.joined(separator: " ")) did not end within \(Int(seconds)) s; it was killed"
    }
}
