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

    /// What a checked header says: the head the models reflect, the body's length, and its checksum with the
    /// header bytes it covers besides the body.
    struct Header: Sendable {
        var head: ChainHead
        var bodyBytes: Int
        var covered: [UInt8]
        var checksum: [UInt8]
    }

    /// Checks the header of a snapshot of `fileBytes` bytes: what it says, or why the file cannot be used.
    static func header(_ bytes: [UInt8], fileBytes: UInt64) -> Result<Header, SnapshotRefusal> {
        guard bytes.count >= headerBytes, Array(bytes[0..<8]) == magic else {
            return .failure(SnapshotRefusal("it is damaged: it does not start with a snapshot header"))
        }
        let version: UInt32 = integer(bytes[8..<12])
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
        let bodyLength: UInt64 = integer(bytes[52..<60])
        guard fileBytes - UInt64(headerBytes) == bodyLength, let bodyBytes = Int(exactly: bodyLength) else {
            return .failure(lengthRefusal)
        }
        return .success(
            Header(
                head: ChainHead(position: integer(bytes[12..<20]), hash: Hex.encode(Array(bytes[20..<52]))),
                bodyBytes: bodyBytes,
                covered: Array(bytes[12..<60]),
                checksum: Array(bytes[60..<92])
            )
        )
    }

    static let lengthRefusal = SnapshotRefusal("it is damaged: its length is not the one its header announces")

    /// Checks the body against the header's checksum and decodes its read models.
    static func models(body: Data, header: Header) -> Result<ReadModels, SnapshotRefusal> {
        var hasher = SHA256()
        hasher.update(data: header.covered)
        hasher.update(data: body)
        guard Array(hasher.finalize()) == header.checksum else {
            return .failure(SnapshotRefusal("it is damaged: its checksum does not match its contents"))
        }
        guard let decoded = try? JSONDecoder().decode(Body.self, from: body) else {
            return .failure(SnapshotRefusal("it is damaged: its contents cannot be read"))
        }
        return .success(decoded.readModels)
    }

    /// Reads and checks the header at once and, when it checks out, hands the open file to `SnapshotLoading`, which
    /// reads the body on a thread of its own, so that the start's pass over the log runs meanwhile.
    static func read(dataDirectory: String) -> Reading {
        let path = "\(dataDirectory)/\(fileName)"
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        let unreadable = SnapshotRefusal("it cannot be read")
        guard let file = FileHandle(forReadingAtPath: path) else { return .refused(unreadable) }
        var handedOver = false
        defer { if !handedOver { try? file.close() } }
        guard let fileBytes = try? file.seekToEnd(), (try? file.seek(toOffset: 0)) != nil,
            let bytes = try? file.read(upToCount: headerBytes)
        else {
            return .refused(unreadable)
        }
        switch header(Array(bytes), fileBytes: fileBytes) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let header):
            handedOver = true
            return .loading(SnapshotLoading(header: header, file: file))
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
