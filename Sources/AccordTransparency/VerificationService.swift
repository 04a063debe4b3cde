import AccordAPI
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
                let report = verification.run(finishedAt: { Date() }) { progress in
                    state.withLock {
                        $0.inProgress = VerificationStatus.Progress(
                            recordsVerified: progress.recordsVerified,
                            bytesVerified: progress.bytesVerified,
                            totalBytes: progress.totalBytes
                        )
                    }
                }
                state.withLock {
                    $0.inProgress = nil
                    $0.last = report
                }
                continuation.resume(returning: report)
            }
        }
    }
}
