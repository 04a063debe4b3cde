import AccordAPI
import ArgumentParser

/// `accord version`: the client's version and the daemon's, as `docker version` shows both.
struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Show the versions of this client and of the daemon it talks to.",
        discussion: "Exits 3 after printing the client's version when the daemon cannot be reached."
    )

    @OptionGroup var global: GlobalOptions

    struct Versions: Encodable {
        var client: String
        var daemon: String
        var socket: String
    }

    func run() async throws {
        let client = AccordVersion.current
        let status: StatusReport
        do {
            status = try await global.client.get("/v1/status", as: StatusReport.self)
        } catch {
            if !global.json { Rows.printFields([("client", client)]) }
            throw error
        }
        let versions = Versions(client: client, daemon: status.version, socket: global.resolvedSocketPath)
        if global.json { return try Console.printJSON(versions) }
        Rows.printFields([("client", versions.client), ("daemon", versions.daemon), ("socket", versions.socket)])
    }
}
