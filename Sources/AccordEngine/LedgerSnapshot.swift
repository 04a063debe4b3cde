import AccordDomain
import AccordLog
import Crypto
import Foundation
import SystemPackage

/// The read models and the request-id index as they stood at one durable position, in `ledger.snapshot` beside the
/// log (docs/log-format.md, "Snapshots"), so that a start replays only the log's tail. It is derived data: it is
/// used only when its checksum holds and the log's record at its position has its head hash, and set aside
/// otherwise.
struct LedgerSnapshot: Sendable {
    /// The durable record the state reflects: its position and hash.
    var head: ChainHead
    var state: LedgerState
    var requests: [String: LedgerEngine.RequestEntry]

    static let fileName = "ledger.snapshot"
    static let magic = Array("ACCSNAP\n".utf8)
    /// 3 since the state holds the positions of each entity's events (version 2: the event history as an array;
    /// version 1: as a map from its index).
    static let version: UInt32 = 3
    /// Magic, version, position, head hash, body length, then the SHA-256 of those and the body.
    static let headerBytes = 8 + 4 + 8 + 32 + 8 + 32

    /// What a start found in the data folder.
    enum Reading {
        case missing
        case refused(reason: String)
        case read(LedgerSnapshot)
    }

    private struct Body: Codable {
        var state: LedgerState
        var requests: [RequestRange]
    }

    private struct RequestRange: Codable {
        var requestID: String
        var digest: String
        var first: UInt64
        var last: UInt64
    }

    func encoded() throws -> [UInt8] {
        let ranges = requests.compactMap { requestID, entry -> RequestRange? in
            guard case .done(let digest, let positions) = entry else { return nil }
            return RequestRange(
                requestID: requestID,
                digest: Hex.encode(digest),
                first: positions.lowerBound,
                last: positions.upperBound
            )
        }
        let body = Array(try JSONEncoder().encode(Body(state: state, requests: ranges)))
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

    static func decode(_ bytes: [UInt8]) -> Reading {
        guard bytes.count >= headerBytes, Array(bytes[0..<8]) == magic else {
            return .refused(reason: "it is damaged: it does not start with a snapshot header")
        }
        let version: UInt32 = integer(bytes[8..<12])
        guard version >= LedgerSnapshot.version else {
            return .refused(
                reason:
                    "its format version \(version) is older than the one this accordd reads (version \(LedgerSnapshot.version))"
            )
        }
        guard version == LedgerSnapshot.version else {
            return .refused(
                reason:
                    "its format version \(version) is unknown to this accordd (it reads version \(LedgerSnapshot.version))"
            )
        }
        let position: UInt64 = integer(bytes[12..<20])
        let headHash = Array(bytes[20..<52])
        let bodyLength: UInt64 = integer(bytes[52..<60])
        let checksum = Array(bytes[60..<92])
        guard UInt64(bytes.count - headerBytes) == bodyLength else {
            return .refused(reason: "it is damaged: its length is not the one its header announces")
        }
        let covered = Array(bytes[12..<(12 + 48)])
        let body = Array(bytes[headerBytes...])
        guard Array(SHA256.hash(data: covered + body)) == checksum else {
            return .refused(reason: "it is damaged: its checksum does not match its contents")
        }
        guard let decoded = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return .refused(reason: "it is damaged: its contents cannot be read")
        }
        var requests: [String: LedgerEngine.RequestEntry] = [:]
        for range in decoded.requests {
            guard let digest = Hex.decode(range.digest), range.first <= range.last else {
                return .refused(reason: "it is damaged: request id \"\(range.requestID)\" is malformed")
            }
            requests[range.requestID] = .done(digest: digest, positions: range.first...range.last)
        }
        return .read(
            LedgerSnapshot(
                head: ChainHead(position: position, hash: Hex.encode(headHash)),
                state: decoded.state,
                requests: requests
            )
        )
    }

    static func read(dataDirectory: String) -> Reading {
        let path = "\(dataDirectory)/\(fileName)"
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let contents = FileManager.default.contents(atPath: path) else {
            return .refused(reason: "it cannot be read")
        }
        return decode(Array(contents))
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
