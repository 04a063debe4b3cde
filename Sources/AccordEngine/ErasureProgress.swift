/// What became of the file removals that follow recorded erasures: those the open finished (a stop had come between
/// the event and the removal), and those not done yet, with why, until a retry (each health check, each start)
/// finishes them.
struct ErasureProgress {
    /// The files the open removed, relative to the data folder.
    var finishedAtOpen: [String] = []
    /// Why each unfinished removal failed, by the erased data's reference.
    var unfinished: [String: String] = [:]
}
