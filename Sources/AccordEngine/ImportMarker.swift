import Foundation
import SystemPackage

/// `import-unfinished.json` in the data folder: written, durably, before an import through the daemon
/// (`POST /v1/import`) appends its first record, and removed, durably, once the ledger holds the whole file. While it
/// is there the daemon refuses commands, across restarts too, so nothing is ever appended between two pieces of an
/// import and an interrupted import can only be finished (docs/log-format.md section 18.2).
public struct ImportMarker: Sendable {
    /// What names the file being imported.
    public struct File: Codable, Sendable, Equatable {
        public var lines: UInt64
        public var lastHash: String

        public init(lines: UInt64, lastHash: String) {
            self.lines = lines
            self.lastHash = lastHash
        }
    }

    public static let fileName = "import-unfinished.json"
    public let directory: String

    public init(dataDirectory: String) {
        directory = dataDirectory
    }

    public var path: String { "\(directory)/\(ImportMarker.fileName)" }

    /// The unfinished import, nil when there is none; a marker that cannot be read is reported, never taken for none.
    public func load() throws(EngineError) -> File? {
        guard let contents = FileManager.default.contents(atPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            throw unusable("cannot be read")
        }
        do {
            return try JSONDecoder().decode(File.self, from: contents)
        } catch {
            throw unusable("is not an import marker (\(error))")
        }
    }

    public func write(_ file: File) throws(EngineError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try DurableFile.write(try encoder.encode(file), to: path, in: directory)
        } catch {
            throw EngineError(
                kind: .storage,
                code: "import_marker_unwritable",
                message:
                    "cannot write \(path) (\(error)); nothing was imported: check the data folder's space and permissions and run the import again",
                cause: error as NSError
            )
        }
    }

    public func remove() throws(EngineError) {
        do {
            try DurableFile.remove([path, path + ".partial"], in: directory)
        } catch {
            throw EngineError(
                kind: .storage,
                code: "import_marker_unremovable",
                message:
                    "\(path) cannot be removed (\(error)), so commands stay refused: fix the data folder's permissions, then run `accord import FILE` again with the same file, which removes it and takes commands again",
                cause: error as NSError
            )
        }
    }

    private func unusable(_ reason: String) -> EngineError {
        EngineError(
            kind: .storage,
            code: "import_marker_unreadable",
            message:
                "\(path) \(reason); it marks an unfinished import: run `accord import FILE` again with the file, or, if no import ran, remove it"
        )
    }
}
