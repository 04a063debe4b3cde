/// A failure found by the CLI itself (a file it cannot read, a value it cannot use), with its exit code.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = ExitStatus.usage
}
