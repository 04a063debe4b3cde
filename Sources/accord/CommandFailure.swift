/// A failure found by the CLI itself (a file it cannot read, a value it cannot use), with its exit code.
struct CommandFailure: Error {
    /// What went wrong, as the `code` of the JSON error scripts read with `--json`.
    enum Code: String {
        case unreadableFile = "unreadable_file"
        case inputTooLarge = "input_too_large"
        case invalidEvent = "invalid_event"
        /// A line of an `accord batch` file that is not a command object, or a file without one.
        case invalidBatch = "invalid_batch"
        /// The command line does not parse: an unknown option or subcommand, a missing or bad value.
        case usage = "usage_error"
        case unknownSubcommand = "unknown_subcommand"
        case invalidKey = "invalid_key"
        case invalidCheckpoint = "invalid_checkpoint"
        case invalidWitnessPolicy = "invalid_witness_policy"
        case invalidProof = "invalid_proof"
        /// A proof that contradicts itself or the checkpoint it names (`accord verify --proof`, exit 1).
        case manipulation = "manipulation"
        case unwritableFile = "unwritable_file"
        case folderNotEmpty = "folder_not_empty"
        /// The log changed under a copy (`accord export`).
        case logChanged = "log_changed"
        /// A witness state folder that cannot be created or read.
        case witnessState = "witness_state_unusable"
        case cosignRefused = "cosign_refused"
        /// `accord dial-stdio` cannot connect to the daemon on its machine.
        case unreachable = "daemon_unreachable"
    }

    var code: Code
    var message: String
    var exitCode: Int32 = ExitStatus.usage
}
