import AccordEngine
import AccordServer
import Logging
import Synchronization

/// Signs a checkpoint when the tree has grown and the interval has passed since the last one. The interval is
/// re-read each time, so a reload (SIGHUP) changes it.
struct CheckpointSchedule: Sendable {
    let transparency: Transparency
    let intervalSeconds: @Sendable () -> Int
    let logger: Logger

    func run() async {
        var lastSigned = ContinuousClock.now
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: .milliseconds(250))
            } catch {
                return
            }
            let tree = transparency.log.tree
            guard tree.size > transparency.issuer.latest?.size ?? 0,
                ContinuousClock.now - lastSigned >= .seconds(intervalSeconds())
            else { continue }
            do {
                try await transparency.signIfGrown(tree, reason: "interval")
                lastSigned = ContinuousClock.now
            } catch {
                logger.error("cannot sign a checkpoint; retrying at the next interval", metadata: ["error": "\(error)"])
                lastSigned = ContinuousClock.now
            }
        }
    }
}
