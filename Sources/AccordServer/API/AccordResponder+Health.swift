import AccordAPI
import AccordEngine
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension AccordResponder {
    /// An append waiting longer than this on the disk makes the daemon unhealthy (the watchdog's default too).
    static let writerWaitingThresholdNanoseconds: UInt64 = 10_000_000_000
    /// Less free space than this share of the file system, or than `minimumFreeBytes`, is "nearly full".
    static let minimumFreeFraction = 0.05
    static let minimumFreeBytes: UInt64 = 100 * 1024 * 1024

    func health() -> HealthReport {
        var problems: [String] = []
        let writer: String
        if let failure = engine.failure {
            writer = "failed"
            problems.append(
                "the log writer failed (\(failure.message)); nothing more is accepted: see `journalctl -u accordd`, then restart the daemon, which verifies the log"
            )
        } else if let refused = engine.appendsRefused {
            writer = "disk_full"
            problems.append("appends are refused: \(refused)")
        } else if engine.isWriterStuck(thresholdNanoseconds: AccordResponder.writerWaitingThresholdNanoseconds) {
            writer = "waiting"
            problems.append("an append has waited on the disk for more than 10 s; check the disk holding \(engine.dataDirectory)")
        } else {
            writer = "ok"
        }
        if let behind = engine.catchUpTrouble { problems.append(behind.description(location: engine.logPath)) }
        var space = statvfs()
        let known = statvfs(engine.dataDirectory, &space) == 0
        let free = known ? UInt64(space.f_bavail) * UInt64(space.f_frsize) : 0
        let total = known ? UInt64(space.f_blocks) * UInt64(space.f_frsize) : 0
        if !known {
            problems.append("cannot read the free space of \(engine.dataDirectory); check that it exists")
        } else if free < AccordResponder.minimumFreeBytes || Double(free) < Double(total) * AccordResponder.minimumFreeFraction {
            problems.append(
                "the disk holding \(engine.dataDirectory) is nearly full (\(free / 1_048_576) MiB free of \(total / 1_048_576) MiB); free space before appends fail"
            )
        }
        // A gap (records no checkpoint covers yet) is the normal state between checkpoints; a contradiction is not.
        if let last = transparency?.verification.status.last, last.worstGrade == .manipulation {
            problems.append(
                "the last verification (\(last.finishedAt)) found the log or a checkpoint manipulated; run `accord verify` to see the findings"
            )
        }
        let personalData = personalDataWatch.latest(of: engine)
        if let audit = personalData?.audit, audit.damagedCount > 0 {
            problems.append(
                "\(audit.damagedCount) of \(audit.filesChecked) personal-data files are damaged (\(audit.damage.joined(separator: "; "))): restore them from a backup of \(engine.dataDirectory)/personal-data (docs/operations.md)"
            )
        }
        let unfinished = engine.unfinishedErasures
        if !unfinished.isEmpty {
            problems.append(
                "\(unfinished.count) recorded erasure(s) unfinished, the personal data still on disk (\(unfinished.prefix(PersonalDataAudit.maximumReasons).joined(separator: "; "))): the daemon tries again with each personal-data check (at most once a minute) and at its next start; fix what stops the removal"
            )
        }
        problems += daemonProblems()
        var report = HealthReport(writer: writer, diskFreeBytes: free, diskTotalBytes: total, problems: problems)
        report.personalDataFiles = personalData?.audit.filesChecked
        report.personalDataDamaged = personalData?.audit.damagedCount
        report.personalDataCheckedAt = personalData.map { ISO8601DateFormatter().string(from: $0.finishedAt) }
        return report
    }
}
