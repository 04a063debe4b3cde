import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where `accord export` writes: standard output, or a file written beside its final name, fsynced, then renamed
/// into place (and its folder fsynced), so a file under that name is always a whole export.
final class ExportDestination {
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle

    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("--output \(path) already exists; choose a new file name or move the old one away")
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
        guard rename(temporaryPath, path) == 0 else {
            throw ValidationError("cannot rename \(temporaryPath) to \(path) (errno \(errno))")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}
