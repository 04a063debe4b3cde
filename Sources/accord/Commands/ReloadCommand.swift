import AccordAPI
import ArgumentParser

struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make the daemon re-read its configuration and policy; wait until they are in force or refused.",
        discussion: """
            The daemon reads /etc/accord/accordd.json (or its --config file) and its access policy again and applies \
            the log level, limits and roles without dropping connections. A refused file changes nothing: the reason \
            is printed and the exit code is 1. It needs the role admin (root and the daemon's own user hold it); \
            `systemctl reload accordd` runs this command.
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
            ("policy", report.policyFile ?? "none (the default groups give the roles)"),
            ("log level", report.logLevel),
            ("maximum body", "\(report.maximumBodyBytes) bytes"),
            ("maximum connections", String(report.maximumConnections)),
            ("idle timeout", "\(report.idleTimeoutMilliseconds) ms"),
            ("shutdown grace", "\(report.shutdownGraceMilliseconds) ms"),
        ])
    }
}
