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
            try DurableFile.write(contents, to: path(for: reference), in: directory)
            return reference
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

    /// Removes the files stored for a command that was then refused or repeated: no record refers to them. Best
    /// effort: a file left behind (a crash in between) holds data that no record refers to.
    func discard(_ references: [String?]) {
        for reference in references.compactMap({ $0 }) { unlink(path(for: reference)) }
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

    private func path(for reference: String) -> String {
        "\(directory)/\(reference.replacingOccurrences(of: ":", with: "-")).json"
    }
}
