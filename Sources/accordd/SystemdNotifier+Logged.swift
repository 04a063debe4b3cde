import AccordSystemd
import Dispatch
import Logging

extension SystemdNotifier {
    /// Where notifications are sent, in the order given: `sd_notify`'s `sendmsg` blocks while systemd's queue for the
    /// socket is full, which must not hold a thread of Swift's cooperative pool (the supervising task's, a reload's).
    private static let sending = DispatchQueue(label: "accord.systemd-notify")

    /// Sends one notification after the ones asked for before it, without waiting; a failure is logged, never
    /// fatal: the daemon serves on whether systemd hears it or not.
    func notify(logger: Logger, _ body: @escaping @Sendable (SystemdNotifier) throws -> Void) {
        SystemdNotifier.sending.async {
            do {
                try body(self)
            } catch {
                logger.warning("cannot notify systemd", metadata: ["error": "\(error)"])
            }
        }
    }
}
