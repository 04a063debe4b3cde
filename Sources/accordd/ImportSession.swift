import AccordEngine
import Synchronization

/// The daemon's import through its API: the unfinished import's file (its marker, read at start, so the refusal of
/// commands survives a restart) and whether a request of it is running (one at a time). The refusal itself is the
/// engine's (`beginImport`), decided under the lock that decides commands, so none slips in as an import starts.
final class ImportSession: Sendable {
    private struct State {
        var unfinished: ImportMarker.File?
        var running = false
    }

    let marker: ImportMarker
    let engine: LedgerEngine
    private let state: Mutex<State>

    init(dataDirectory: String, engine: LedgerEngine) throws(EngineError) {
        marker = ImportMarker(dataDirectory: dataDirectory)
        self.engine = engine
        let unfinished = try marker.load()
        if let unfinished { engine.holdForUnfinishedImport(unfinished) }
        state = Mutex(State(unfinished: unfinished))
    }

    /// The file of an import begun and not finished, whose commands are refused until it is.
    var unfinished: ImportMarker.File? { state.withLock { $0.unfinished } }

    /// The health problem of an unfinished import, none when there is none; `held` is how many lines the ledger holds.
    func problems(held: UInt64) -> [String] {
        guard let file = unfinished else { return [] }
        return [
            "an import is unfinished (\(marker.path)): the ledger holds \(held) of the \(file.lines) lines of the export whose last hash is \(file.lastHash), and refuses commands until it holds them all; run `accord import FILE` again with that file to finish it"
        ]
    }

    /// Takes the one import slot; false when another import request is running.
    func begin() -> Bool {
        state.withLock { state in
            guard !state.running else { return false }
            state.running = true
            return true
        }
    }

    func end() {
        state.withLock { $0.running = false }
    }

    /// Marks `file` unfinished: the engine refuses commands from now on, provided the ledger's next position is still
    /// `expectedNextPosition`, then the marker is written, durably.
    func start(_ file: ImportMarker.File, expectedNextPosition: UInt64) async throws(EngineError) {
        try engine.beginImport(file, expectedNextPosition: expectedNextPosition)
        state.withLock { $0.unfinished = file }
        do {
            try await DedicatedThread.run("accord.import") { [marker] () throws(EngineError) in try marker.write(file) }
        } catch {
            // A write that failed may still have left the marker in the folder (renamed in, then the folder's fsync
            // failed): commands are taken again only once it is surely gone, or a restart would refuse them for a
            // ledger that is no import's. If it cannot be removed, the refusal stays, saying so.
            try await finish()
            throw error
        }
    }

    /// On a resume: the marker is on disk again before more of the file goes in, in case a failed removal (the
    /// unlink done, the folder's fsync not) took it, so a restart in the middle still refuses commands.
    func keepMarked(_ file: ImportMarker.File) async throws(EngineError) {
        try await DedicatedThread.run("accord.import") { [marker] () throws(EngineError) in
            if try marker.load() == nil { try marker.write(file) }
        }
    }

    /// The whole file is in the ledger, or nothing of it got in: the marker goes, and commands are taken again.
    func finish() async throws(EngineError) {
        try await DedicatedThread.run("accord.import") { [marker] () throws(EngineError) in try marker.remove() }
        state.withLock { $0.unfinished = nil }
        engine.endImport()
    }
}
