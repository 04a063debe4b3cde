extension DaemonService {
    /// Says which recorded erasures the start finished: a stop had come after their `PersonalDataErased` event was
    /// durable and before the personal-data file was removed.
    func logFinishedErasures(_ files: [String]) {
        guard !files.isEmpty else { return }
        logger.notice(
            "finished \(files.count) erasure(s) interrupted by the last stop: their PersonalDataErased events were recorded, and their personal-data files are now removed (\(files.joined(separator: ", ")))"
        )
    }
}
