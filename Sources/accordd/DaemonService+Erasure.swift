import AccordEngine

extension DaemonService {
    /// Says which recorded erasures the start finished (a stop had come after their `PersonalDataErased` event was
    /// durable and before the personal-data file was removed), and which it could not.
    func logErasures(of engine: LedgerEngine) {
        let files = engine.erasuresFinishedAtStart
        if !files.isEmpty {
            logger.notice(
                "finished \(files.count) erasure(s) interrupted by the last stop: their PersonalDataErased events were recorded, and their personal-data files are now removed (\(files.joined(separator: ", ")))"
            )
        }
        for reason in engine.unfinishedErasures {
            logger.error(
                "a recorded erasure is unfinished, its personal data still on disk: \(reason); the daemon tries again with each personal-data check"
            )
        }
    }
}
