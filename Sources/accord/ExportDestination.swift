import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where `accord export` writes: standard output, or a file written beside its final name, fsynced, then renamed
/// into place (and its folder fsynced), so a file under that name is always a whole export. An existing file is
/// replaced only when the caller says so (`--force`); otherwise the final step links the new file under its name,
/// which fails rather than replace a file created meanwhile.
final class ExportDestination {
    private let path: String?
    private let flag: String
    private let replacing: Bool
    private let temporaryPath: String?
    private let handle: FileHandle

    /// `flag` is the option that named the file, for messages; `replacing` lets the new file take an existing one's place.
    init(path: String?, flag: String = "--output", replacing: Bool = false) throws {
        self.path = path
        self.flag = flag
        self.replacing = replacing
        guard let path else {
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        guard replacing || !FileManager.default.fileExists(atPath: path) else {
            throw ExportDestination.exists(path, flag: flag)
        }
        let temporary = "\(path).partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw ValidationError(
                "cannot create \(temporary); check that the folder exists and that you may write in it"
            )
        }
        temporaryPath = temporary
        self.handle = handle
    }

    func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    func finish() throws {
        guard let path, let temporaryPath else { return }
        try handle.synchronize()
        try handle.close()
        if replacing {
            guard rename(temporaryPath, path) == 0 else {
                throw ValidationError("cannot rename \(temporaryPath) to \(path) (errno \(errno))")
            }
        } else {
            guard link(temporaryPath, path) == 0 else {
                let failure = errno
                unlink(temporaryPath)
                if failure == EEXIST { throw ExportDestination.exists(path, flag: flag) }
                throw ValidationError("cannot link \(temporaryPath) to \(path) (errno \(failure))")
            }
            unlink(temporaryPath)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    private static func exists(_ path: String, flag: String) -> ValidationError {
        ValidationError("\(flag) \(path) already exists; choose a new file name or move the old one away")
    }
}
