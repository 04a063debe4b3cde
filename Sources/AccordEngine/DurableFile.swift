import Foundation
import SystemPackage

/// Replaces a file whole and durably: the contents go to `PATH.partial` (0600), fsynced, renamed over `path`, and
/// the folder is fsynced, so that a crash leaves the old file or the new one, never part of one.
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
        let folder = try FileDescriptor.open(directory, .readOnly)
        try folder.closeAfter {
            guard fsync(folder.rawValue) == 0 else { throw Errno(rawValue: errno) }
        }
    }
}
