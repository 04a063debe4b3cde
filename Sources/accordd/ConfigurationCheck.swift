import ArgumentParser
import Foundation

/// `accordd --check-config [FILE]`: the rules of a start or a reload applied to a file, with nothing started, so an
/// operator can check an edit before `systemctl reload accordd`.
enum ConfigurationCheck {
    static func run(path explicit: String?) throws {
        guard let path = DaemonSettings.configurationPath(explicit: explicit) else {
            print("no configuration file: \(Accordd.defaultConfigurationPath) does not exist, so the defaults apply")
            return
        }
        let settings: DaemonSettings
        do {
            settings = try DaemonSettings.load(path: path, flagLogLevel: nil)
        } catch {
            FileHandle.standardError.write(Data("accordd: \(error)\n".utf8))
            throw ExitCode(DaemonError.configurationExitCode)
        }
        let limits = settings.limits
        print(
            "\(path) is valid: logLevel \(settings.logLevel), maximumBodyBytes \(limits.maximumBodyBytes), maximumConnections \(limits.maximumConnections), idleTimeoutMilliseconds \(limits.idleTimeoutMilliseconds), shutdownGraceMilliseconds \(limits.shutdownGraceMilliseconds)"
        )
    }
}
