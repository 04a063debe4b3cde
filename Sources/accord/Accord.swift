import AccordAPI
import ArgumentParser

/// `accord`: record and query the ledger kept by accordd.
struct Accord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Record and query Accord, the ledger of research collaborations kept by accordd.",
        discussion: """
            Every change is an event appended to a hash-chained log; nothing is rewritten. Dates are YYYY-MM-DD.
            Exit codes: 0 ok, 1 refused by a rule or a conflict, 2 usage error, 3 daemon unreachable, \
            4 unhealthy (accord status), 5 recorded but not finished (an erasure whose personal data could not be \
            removed yet: the daemon retries, `accord status` shows it until done).
            The socket is --socket, else $ACCORD_SOCKET, else that of your own accordd when it exists (as root \
            /run/accord/accord.sock; otherwise $XDG_RUNTIME_DIR/accord/accord.sock, or without XDG_RUNTIME_DIR \
            accord.sock in its data folder, $XDG_STATE_HOME/accord or ~/.local/state/accord), else \
            /run/accord/accord.sock (the system service).
            --host ssh://[user@]server[:port] (or $ACCORD_HOST) reaches a daemon on another machine through \
            `ssh server accord dial-stdio`, as the SSH user and with that user's roles.
            """,
        version: AccordVersion.current,
        subcommands: [
            StatusCommand.self,
            VersionCommand.self,
            ReloadCommand.self,
            WhoAmICommand.self,
            InstitutionCommand.self,
            SiteCommand.self,
            AgreementCommand.self,
            PersonCommand.self,
            SecondmentCommand.self,
            AccessCommand.self,
            MeetingCommand.self,
            ProjectCommand.self,
            ExpertiseCommand.self,
            CorrectCommand.self,
            BatchCommand.self,
            RetractCommand.self,
            LogCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            FiguresCommand.self,
            ReportCommand.self,
            CheckpointCommand.self,
            KeyCommand.self,
            ProveCommand.self,
            VerifyCommand.self,
            WitnessCommand.self,
            DialStdioCommand.self,
        ]
    )

    /// Lets `accord --socket PATH --json status` work as well as `accord status --socket PATH --json`.
    @OptionGroup var global: GlobalOptions
}
