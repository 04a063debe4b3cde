import AccordLog
import Crypto
import Foundation
import SystemPackage

/// Personal data lives beside the chain, one file per registration, named by its reference. The reference is the
/// SHA-256 of a random salt and the canonical JSON of the data: the log commits to the data without revealing it,
/// and deleting the file (erasure) leaves every hash of the log intact.
struct PersonalDataStore: Sendable {
    let directory: String

    private struct StoredFile: Codable {
        var salt: String
        var data: PersonalData
    }

    init(directory: String) throws(EngineError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw EngineError(
                kind: .storage,
                code: "personal_data_unavailable",
                message: "cannot create \(directory); check the data folder's permissions",
                cause: error as NSError
            )
        }
    }

    /// Writes the data durably (file and folder fsynced) and returns the reference the log will hold.
    func store(_ data: PersonalData) throws(EngineError) -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }.map { String(format: "%02x", $0) }.joined()
        do {
            let reference = try PersonalDataStore.reference(salt: salt, data: data)
            let contents = try PersonalDataStore.encoder.encode(StoredFile(salt: salt, data: data))
            try writeDurably(contents, to: path(for: reference))
            return reference
        } catch let error as Errno where error == .noSpace || error == .diskQuotaExceeded {
            throw EngineError(
                kind: .storage,
                code: LogErrorCode.diskFull,
                message:
                    "the data folder's file system is full: the personal data could not be written, so nothing was recorded. Free space in \(directory)'s file system and send the request again",
                cause: error
            )
        } catch {
            throw EngineError(
                kind: .storage,
                code: "personal_data_unwritable",
                message:
                    "cannot write personal data in \(directory) (\(error)); check that the data folder exists and accordd may write it",
                cause: error as NSError
            )
        }
    }

    /// Stores each registration's data in order (nil where a command carries none); if one cannot be written,
    /// those written before it are discarded.
    func store(_ all: [PersonalData?]) throws(EngineError) -> [String?] {
        var references: [String?] = []
        for data in all {
            do throws(EngineError) {
                references.append(try data.map { data throws(EngineError) in try store(data) })
            } catch {
                discard(references)
                throw error
            }
        }
        return references
    }

    /// Removes files that no event refers to, and syncs the folder so that a power cut cannot bring them back. One
    /// that cannot be removed stays: unreferenced, it shows nowhere.
    func discard(_ references: [String?]) {
        let files = references.compactMap { $0 }
        guard !files.isEmpty else { return }
        try? DurableFile.remove(files.map(path(for:)), in: directory)
    }

    /// The data behind a reference, checked against it: a file that does not hash to its reference is damaged
    /// (or tampered with) and is never shown as valid.
    func load(_ reference: String) -> PersonalDataLookup {
        guard let contents = FileManager.default.contents(atPath: path(for: reference)) else { return .erased }
        guard let stored = try? JSONDecoder().decode(StoredFile.self, from: contents) else {
            return .damaged(reason: "\(path(for: reference)) is not a personal-data file")
        }
        guard (try? PersonalDataStore.reference(salt: stored.salt, data: stored.data)) == reference else {
            return .damaged(reason: "\(path(for: reference)) does not match the reference the log holds")
        }
        return .present(stored.data)
    }

    /// Removes the data behind a reference durably: the file (and any half-written copy) is unlinked and the folder
    /// fsynced, so the name survives neither a crash nor a look into the data folder. Nothing to remove is success.
    func erase(_ reference: String) throws(EngineError) {
        do {
            try DurableFile.remove([path(for: reference), path(for: reference) + ".partial"], in: directory)
        } catch {
            throw EngineError(
                kind: .storage,
                code: CommandOutcome.erasureUnfinishedCode,
                message:
                    "cannot remove \(path(for: reference)) (\(error)); the daemon tries again with each personal-data check (at most once a minute, while `accord status` is asked, which shows it until it is done) and at its next start: fix what stops the removal, or remove the file by hand",
                cause: error as NSError
            )
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// "sha256:" and the hex SHA-256 of the salt's characters followed by the data's canonical JSON.
    static func reference(salt: String, data: PersonalData) throws -> String {
        let canonical = try encoder.encode(data)
        return "sha256:" + SHA256.hash(data: Data(salt.utf8) + canonical).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the data file behind a reference is still there.
    func exists(_ reference: String) -> Bool {
        FileManager.default.fileExists(atPath: path(for: reference))
    }

    private func path(for reference: String) -> String {
        "\(directory)/\(PersonalDataStore.fileName(for: reference))"
    }

    /// The file's name in the folder: the reference with `-` for `:`, and `.json`.
    static func fileName(for reference: String) -> String {
        "\(reference.replacingOccurrences(of: ":", with: "-")).json"
    }

    /// Leaves no file behind when it fails: the reference is new (its salt is random), so nothing refers to it.
    private func writeDurably(_ contents: Data, to path: String) throws {
        do {
            try DurableFile.write(contents, to: path, in: directory)
        } catch {
            try? DurableFile.remove([path + ".partial", path], in: directory)
            throw error
        }
    }
}
