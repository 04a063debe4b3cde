import AccordDomain
import AccordLog
import Crypto
import Foundation
import SystemPackage

/// The read models as they stood at one durable position, in `ledger.snapshot` beside the log (docs/log-format.md,
/// "Snapshots"), so that a start folds only the log's tail into them. It is derived data: it is used only when its
/// checksum holds and the log's record at its position has its head hash, and set aside otherwise. It holds neither
/// the event history, nor the indexes, nor the request-id index: the start rebuilds them from the log's records up
/// to its position, which it verifies and decodes anyway, without replaying them into the read models.
struct LedgerSnapshot: Sendable {
    /// The durable record the models reflect: its position and hash.
    var head: ChainHead
    var models: ReadModels

    static let fileName = "ledger.snapshot"
    static let magic = Array("ACCSNAP\n".utf8)
    /// 5 since only the read models are kept, their maps as arrays of ids and records (version 4 held the indexes
    /// too; version 3 the history and the request ids as well; version 2 had no positions per entity; version 1
    /// encoded the history as a map from its index).
    static let version: UInt32 = 5
    /// Magic, version, position, head hash, body length, then the SHA-256 of those and the body.
    static let headerBytes = 8 + 4 + 8 + 32 + 8 + 32

    /// What a start found in the data folder.
    enum Reading {
        case missing
        case refused(SnapshotRefusal)
        /// The header checked out; the body is being read, checked and decoded.
        case loading(SnapshotLoading)
    }

    private struct Body: Codable {
        var readModels: ReadModels
    }

    func encoded() throws -> [UInt8] {
        let body = Array(try JSONEncoder().encode(Body(readModels: models)))
        guard let headHash = Hex.decode(head.hash), headHash.count == 32 else {
            preconditionFailure("a chain head's hash is 32 bytes of hexadecimal")
        }
        let covered =
            LedgerSnapshot.bigEndian(head.position) + headHash + LedgerSnapshot.bigEndian(UInt64(body.count))
        return LedgerSnapshot.magic + LedgerSnapshot.bigEndian(LedgerSnapshot.version) + covered
            + Array(SHA256.hash(data: covered + body)) + body
    }

    private static func bigEndian<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    private static func integer<Integer: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>) -> Integer {
        bytes.reduce(0) { $0 << 8 | Integer($1) }
    }

    /// Checks the header of a snapshot of `fileBytes` bytes: the head it reflects, or why it cannot be used.
    static func head(ofHeader header: [UInt8], fileBytes: UInt64) -> Result<ChainHead, SnapshotRefusal> {
        guard header.count >= headerBytes, Array(header[0..<8]) == magic else {
            return .failure(SnapshotRefusal("it is damaged: it does not start with a snapshot header"))
        }
        let version: UInt32 = integer(header[8..<12])
        guard version >= LedgerSnapshot.version else {
            return .failure(
                SnapshotRefusal(
                    "its format version \(version) is older than the one this accordd reads (version \(LedgerSnapshot.version))"
                )
            )
        }
        guard version == LedgerSnapshot.version else {
            return .failure(
                SnapshotRefusal(
                    "its format version \(version) is unknown to this accordd (it reads version \(LedgerSnapshot.version))"
                )
            )
        }
        let bodyLength: UInt64 = integer(header[52..<60])
        guard fileBytes - UInt64(headerBytes) == bodyLength else {
            return .failure(SnapshotRefusal("it is damaged: its length is not the one its header announces"))
        }
        return .success(ChainHead(position: integer(header[12..<20]), hash: Hex.encode(Array(header[20..<52]))))
    }

    /// Checks the whole file, whose header said it reflects `head`, and decodes its read models.
    static func models(ofFile bytes: [UInt8], reflecting head: ChainHead) -> Result<ReadModels, SnapshotRefusal> {
        let header = Array(bytes.prefix(headerBytes))
        guard case .success(let read) = self.head(ofHeader: header, fileBytes: UInt64(bytes.count)), read == head else {
            return .failure(SnapshotRefusal("it changed while it was read"))
        }
        let checksum = Array(bytes[60..<92])
        let covered = bytes[12..<(12 + 48)]
        let body = bytes[headerBytes...]
        var hasher = SHA256()
        hasher.update(data: covered)
        hasher.update(data: body)
        guard Array(hasher.finalize()) == checksum else {
            return .failure(SnapshotRefusal("it is damaged: its checksum does not match its contents"))
        }
        guard let decoded = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return .failure(SnapshotRefusal("it is damaged: its contents cannot be read"))
        }
        return .success(decoded.readModels)
    }

    /// Reads the header at once and, when it checks out, the rest on a thread of its own (`SnapshotLoading`), so
    /// that the start's pass over the log runs meanwhile.
    static func read(dataDirectory: String) -> Reading {
        let path = "\(dataDirectory)/\(fileName)"
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        let file = FileHandle(forReadingAtPath: path)
        defer { try? file?.close() }
        guard let file, let fileBytes = try? file.seekToEnd(), (try? file.seek(toOffset: 0)) != nil,
            let header = try? file.read(upToCount: headerBytes)
        else {
            return .refused(SnapshotRefusal("it cannot be read"))
        }
        switch head(ofHeader: Array(header), fileBytes: fileBytes) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let head): return .loading(SnapshotLoading(head: head, path: path))
        }
    }

    /// Writes the snapshot atomically (`DurableFile`: 0600, fsynced file and folder).
    func write(dataDirectory: String) throws {
        try DurableFile.write(encoded(), to: "\(dataDirectory)/\(LedgerSnapshot.fileName)", in: dataDirectory)
    }

    /// Moves a snapshot that cannot be used out of the way (kept for inspection); returns where it went.
    static func setAside(dataDirectory: String) -> String {
        let path = "\(dataDirectory)/\(fileName)"
        let aside = "\(path).set-aside-\(Int(Date().timeIntervalSince1970))"
        return rename(path, aside) == 0 ? aside : path
    }
}
