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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let canonical = try encoder.encode(data)
            let reference =
                "sha256:" + SHA256.hash(data: Data(salt.utf8) + canonical).map { String(format: "%02x", $0) }.joined()
            let contents = try encoder.encode(StoredFile(salt: salt, data: data))
            try writeDurably(contents, to: path(for: reference))
            return reference
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(
                kind: .storage,
                code: "personal_data_unwritable",
                message: "cannot write personal data in \(directory)",
                cause: error as NSError
            )
        }
    }

    /// The data behind a reference, or nil when it was erased or never stored.
    func load(_ reference: String) -> PersonalData? {
        guard let contents = FileManager.default.contents(atPath: path(for: reference)) else { return nil }
        return try? JSONDecoder().decode(StoredFile.self, from: contents).data
    }

    private func path(for reference: String) -> String {
        "\(directory)/\(reference.replacingOccurrences(of: ":", with: "-")).json"
    }

    private func writeDurably(_ contents: Data, to path: String) throws {
        let temporary = path + ".partial"
        let file = try FileDescriptor.open(
            temporary,
            .writeOnly,
            options: [.create, .truncate],
            permissions: [.ownerReadWrite]
        )
        try file.closeAfter {
            _ = try file.writeAll(contents)
            guard fsync(file.rawValue) == 0 else { throw Errno(rawValue: errno) }
        }
        guard rename(temporary, path) == 0 else { throw Errno(rawValue: errno) }
        let folder = try FileDescriptor.open(directory, .readOnly)
        try folder.closeAfter {
            guard fsync(folder.rawValue) == 0 else { throw Errno(rawValue: errno) }
        }
    }
}
