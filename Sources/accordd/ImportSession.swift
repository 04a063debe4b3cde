import AccordEngine
import Synchronization

/// The daemon's import through its API: the unfinished import's file (its marker, read at start, so the refusal of
/// commands survives a restart) and whether a request of it is running (one at a time).
final class ImportSession: Sendable {
    private struct State {
        var unfinished: ImportMarker.File?
        var running = false
    }

    let marker: ImportMarker
    private let state: Mutex<State>

    init(dataDirectory: String) throws(EngineError) {
        marker = ImportMarker(dataDirectory: dataDirectory)
        state = Mutex(State(unfinished: try marker.load()))
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

    /// Marks `file` unfinished (in memory first, so no command starts once the marker is being written), durably.
    func start(_ file: ImportMarker.File) async throws(EngineError) {
        state.withLock { $0.unfinished = file }
        do {
            try await DedicatedThread.run("accord.import") { [marker] () throws(EngineError) in try marker.write(file) }
        } catch {
            state.withLock { $0.unfinished = nil }
            throw error
        }
    }

    /// The whole file is in the ledger: the marker goes, and commands are taken again.
    func finish() async throws(EngineError) {
        try await DedicatedThread.run("accord.import") { [marker] () throws(EngineError) in try marker.remove() }
        state.withLock { $0.unfinished = nil }
    }
}
