import AccordAPI
import ArgumentParser

struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make the daemon re-read its configuration file; wait until it is in force or refused.",
        discussion: """
            The daemon reads /etc/accord/accordd.json (or its --config file) again and applies the log level and \
            limits without dropping connections. A refused file changes nothing: the reason is printed and the exit \
            code is 1. Only root and the daemon's own user may reload; `systemctl reload accordd` runs this command.
            """
    )

    @OptionGroup var global: GlobalOptions

    private struct EmptyBody: Encodable {}

    func run() async throws {
        let client = global.client
        let bytes = try await client.send(path: ReloadReport.path, body: EmptyBody())
        let report = try client.decode(ReloadReport.self, from: bytes)
        if global.json {
            try Console.printJSON(report)
            return
        }
        Rows.printFields([
            ("configuration", report.configurationFile ?? "none (the defaults apply)"),
            ("log level", report.logLevel),
            ("maximum body", "\(report.maximumBodyBytes) bytes"),
            ("maximum connections", String(report.maximumConnections)),
            ("idle timeout", "\(report.idleTimeoutMilliseconds) ms"),
            ("shutdown grace", "\(report.shutdownGraceMilliseconds) ms"),
        ])
    }
}
