import Foundation
import Glibc

/// Every checkpoint the daemon issued, in the order issued, in one append-only file of the data folder
/// (`checkpoints`), in the evidence layout of docs/log-format.md: each entry is a signed note exactly as served
/// (its text, an empty line, its signature lines), followed by one empty line. A checkpoint that gained
/// cosignatures is appended again with them, so the last entry of a tree size is its fullest form.
/// Each entry is written with one write and made durable (fsync) before it is served or logged.
public final class CheckpointStore: CheckpointArchive {
    public let path: String
    private let descriptor: Int32

    public static let fileName = "checkpoints"
    /// No single note is larger: a checkpoint with a few dozen cosignatures is a few kilobytes.
    public static let maximumEntryBytes = 64 * 1_024

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Opens (creating if missing) the store and reads every entry. An entry cut short by a crash before its
    /// fsync was never served; it is cut off so the next entry starts cleanly.
    public static func open(dataDirectory: String) throws(TransparencyError) -> (CheckpointStore, [String]) {
        let path = "\(dataDirectory)/\(fileName)"
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw failure("cannot open", path, errno: Glibc.errno) }
        let store = CheckpointStore(path: path, descriptor: descriptor)
        let bytes = try store.readAll()
        let (entries, wholeBytes) = try parse(bytes, path: path)
        if wholeBytes < bytes.count {
            guard ftruncate(descriptor, off_t(wholeBytes)) == 0, fsync(descriptor) == 0 else {
                throw failure("cannot cut the unfinished last entry of", path, errno: Glibc.errno)
            }
        }
        return (store, entries)
    }

    /// The whole entries of a store's or an evidence file's text (each note followed by an empty line).
    public static func notes(inText text: String) -> [String] {
        (try? parse(Array(text.utf8), path: "")).map(\.entries) ?? []
    }

    /// The text of a store holding these entries.
    public static func serialize(_ entries: [String]) -> String {
        entries.map { $0 + "\n" }.joined()
    }

    public var location: String { path }

    /// Appends one entry (the file's entries are numbered by their order) and makes it durable.
    public func append(_ note: String, number: Int) throws(TransparencyError) {
        precondition(note.hasSuffix("\n"), "a signed note ends with a newline")
        let bytes = Array((note + "\n").utf8)
        precondition(bytes.count <= Self.maximumEntryBytes, "a checkpoint note stays within the entry limit")
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Self.failure("cannot append to", path, errno: Glibc.errno) }
        guard fsync(descriptor) == 0 else { throw Self.failure("cannot synchronise", path, errno: Glibc.errno) }
    }

    private func readAll() throws(TransparencyError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = pread(descriptor, &chunk, chunk.count, off_t(result.count))
            if count < 0, Glibc.errno == EINTR { continue }
            guard count >= 0 else { throw Self.failure("cannot read", path, errno: Glibc.errno) }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// The entries, and how many bytes they take (an unterminated tail is left out). A note's text holds no empty
    /// line, so every second empty line ends an entry.
    static func parse(_ bytes: [UInt8], path: String) throws(TransparencyError) -> (entries: [String], wholeBytes: Int)
    {
        var entries: [String] = []
        var current: [UInt8] = []
        var wholeBytes = 0
        var lineStart = 0
        var emptyLines = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            let line = bytes[lineStart..<index]
            if line.isEmpty { emptyLines += 1 }
            if line.isEmpty, emptyLines % 2 == 0 {
                guard let text = String(validating: current, as: UTF8.self) else {
                    throw TransparencyError(
                        code: TransparencyErrorCode.checkpointStoreDamaged,
                        message: "\(path): entry \(entries.count + 1) (ending at byte \(index)) is not UTF-8 text; "
                            + "restore the file from a backup"
                    )
                }
                entries.append(text)
                current = []
                wholeBytes = index + 1
            } else {
                current.append(contentsOf: line)
                current.append(UInt8(ascii: "\n"))
            }
            lineStart = index + 1
        }
        return (entries, wholeBytes)
    }

    private static func failure(_ doing: String, _ path: String, errno: Int32) -> TransparencyError {
        TransparencyError(
            code: TransparencyErrorCode.checkpointStoreFailed,
            message: "\(doing) the checkpoint store \(path): \(String(cString: strerror(errno))) (errno \(errno)). "
                + "Check the data folder's permissions and free space."
        )
    }
}
