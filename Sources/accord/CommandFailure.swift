/// A failure found by the CLI itself (a file it cannot read, a value it cannot use), with its exit code.
struct CommandFailure: Error {
    /// What went wrong, as the `code` of the JSON error scripts read with `--json`.
    enum Code: String {
        case unreadableFile = "unreadable_file"
        case inputTooLarge = "input_too_large"
        case invalidEvent = "invalid_event"
        /// The command line does not parse: an unknown option or subcommand, a missing or bad value.
        case usage = "usage_error"
        case unknownSubcommand = "unknown_subcommand"
    }

    var code: Code
    var message: String
    var exitCode: Int32 = ExitStatus.usage
}
