import AccordAPI
import ArgumentParser
import Rainbow

extension CommandReceipt {
    /// A receipt with a warning means the events are recorded and something is left that the daemon finishes later
    /// (HTTP 202): it is said on standard error (with `--json` the printed receipt holds it) and the exit status is
    /// `ExitStatus.recordedUnfinished`, so a script neither takes it for done nor records it again.
    func endWithWarning(json: Bool) throws {
        guard let warning else { return }
        if !json {
            let line = "\(warning.message) [\(warning.code)]"
            Console.standardError(Console.colourEnabled ? "\("warning:".yellow.bold) \(line)" : "warning: \(line)")
        }
        throw ExitCode(ExitStatus.recordedUnfinished)
    }
}
