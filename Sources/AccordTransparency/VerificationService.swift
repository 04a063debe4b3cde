import AccordAPI
import AccordLog
import Dispatch
import Foundation
import Synchronization

/// Runs verifications of the live log one at a time, on a queue of their own (a verification reads the whole
/// file, so it never runs on Swift's cooperative pool), and remembers the last result for `accord status`.
public final class VerificationService: Sendable {
    private let state = Mutex(VerificationStatus(inProgress: nil, last: nil))
    private let queue = DispatchQueue(label: "accord.verification")

    public init() {}

    public var status: VerificationStatus { state.withLock { $0 } }

    public func run(_ verification: LogVerification) async -> VerificationReport {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                let report = verification.run(finishedAt: { Date() }, progress: show)
                finished(report)
                continuation.resume(returning: report)
            }
        }
    }

    /// A verification of a store without a log file reads through the store's asynchronous client, so it runs
    /// where it is awaited, never blocking a thread (two asked for at once both read the store; the later one
    /// is remembered).
    public func run(_ verification: ChainVerification) async -> VerificationReport {
        let report = await verification.run(finishedAt: { Date() }, progress: show)
        finished(report)
        return report
    }

    private func show(_ progress: VerificationProgress) {
        state.withLock {
            $0.inProgress = VerificationStatus.Progress(
                recordsVerified: progress.recordsVerified,
                bytesVerified: progress.bytesVerified,
                totalBytes: progress.totalBytes
            )
        }
    }

    private func finished(_ report: VerificationReport) {
        state.withLock {
            $0.inProgress = nil
            $0.last = report
        }
    }
}
