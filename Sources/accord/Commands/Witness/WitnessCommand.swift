import ArgumentParser

struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness: cosign the log's checkpoints only while it never rewinds or forks.",
        discussion: """
            A partner institution keeps a witness folder of its own. `init` creates its key and prints the \
            policy line to give the log's operator; `cosign` fetches the latest checkpoint and a consistency proof \
            from the last one it cosigned, checks both, records the new size durably, then hands its cosignature \
            (C2SP tlog-cosignature) to the daemon. Exit codes: 0 cosigned, 1 refused (a rolled back or forked \
            log), 2 usage, 3 daemon unreachable.
            """,
        subcommands: [WitnessInitCommand.self, WitnessCosignCommand.self]
    )
}
