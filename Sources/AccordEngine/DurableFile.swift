import Foundation
import SystemPackage

/// Replaces a file whole and durably: the contents go to `PATH.partial` (0600), fsynced, renamed over `path`, and
/// the folder is fsynced, so that a crash leaves the old file or the new one, never part of one. Removal likewise.
enum DurableFile {
    static func write(_ contents: some Collection<UInt8>, to path: String, in directory: String) throws {
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
        try synchronize(folder: directory)
    }

    /// Removes files durably: each is unlinked (one already gone is fine) and the folder fsynced, so that a crash
    /// cannot bring them back. One that cannot be unlinked does not keep the others: the first failure is thrown
    /// once all were tried and the folder synced.
    static func remove(_ paths: [String], in directory: String) throws {
        var failure: Errno?
        for path in paths where unlink(path) != 0 && errno != ENOENT {
            failure = failure ?? Errno(rawValue: errno)
        }
        try synchronize(folder: directory)
        if let failure { throw failure }
    }

    /// Makes the folder's entries (a file renamed into it, or removed from it) durable.
    static func synchronize(folder directory: String) throws {
        let folder = try FileDescriptor.open(directory, .readOnly, options: [.directory, .closeOnExec])
        try folder.closeAfter {
            guard fsync(folder.rawValue) == 0 else { throw Errno(rawValue: errno) }
        }
    }
}
