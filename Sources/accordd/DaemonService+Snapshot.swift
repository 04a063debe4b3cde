import AccordEngine
import AccordLog
import Logging

extension DaemonService {
    /// Says what the start did with `ledger.snapshot`; a snapshot set aside is a warning naming why.
    func logSnapshot(_ outcome: SnapshotOutcome, head: ChainHead) {
        switch outcome {
        case .none:
            logger.info("no snapshot: the read models were rebuilt from the whole log")
        case .used(let position):
            logger.info(
                "snapshot at position \(position) verified against the log; replayed the \(head.position - position) events after it",
                metadata: ["accord.position": "\(position)"]
            )
        case .setAside(let reason, let path):
            logger.warning(
                "the snapshot was set aside, \(reason); it is kept as \(path) and the read models were rebuilt from the log",
                metadata: ["accord.snapshot": "\(path)"]
            )
        }
    }
}
