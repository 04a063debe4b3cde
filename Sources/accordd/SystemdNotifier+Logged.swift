import AccordSystemd
import Logging

extension SystemdNotifier {
    /// Sends one notification; a failure is logged, never fatal: the daemon serves on whether systemd hears it or not.
    func notify(logger: Logger, _ body: (SystemdNotifier) throws -> Void) {
        do {
            try body(self)
        } catch {
            logger.warning("cannot notify systemd", metadata: ["error": "\(error)"])
        }
    }
}
