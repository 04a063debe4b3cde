import ArgumentParser

/// `accord-bench`: measures Accord's speed. Numbers come from here, never from assertions in tests.
@main
struct AccordBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord-bench",
        abstract: "Measure Accord: appends through a running daemon, and replay of a data folder.",
        subcommands: [AppendBenchmark.self, ReplayBenchmark.self, GenerateBenchmark.self]
    )
}
