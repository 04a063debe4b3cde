import Glibc
import SystemPackage

/// The one wrapper through which the log makes system calls: every call retries EINTR and turns errno into a
/// `LogError` that names the operation and the file.
struct LogFile: Sendable {
    let descriptor: FileDescriptor
    let path: FilePath

    enum Access {
        case readOnly
        case readWrite
    }

    static func open(_ path: FilePath, access: Access) throws(LogError) -> LogFile {
        let mode: FileDescriptor.AccessMode = access == .readOnly ? .readOnly : .readWrite
        let descriptor = try call("open", path) {
            try FileDescriptor.open(path, mode, options: [.closeOnExec], retryOnInterrupt: true)
        }
        return LogFile(descriptor: descriptor, path: path)
    }

    /// Creates a file that must not exist yet.
    static func createExclusive(_ path: FilePath, permissions: FilePermissions) throws(LogError) -> LogFile {
        let descriptor = try call("create", path) {
            try FileDescriptor.open(
                path,
                .readWrite,
                options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: permissions,
                retryOnInterrupt: true
            )
        }
        return LogFile(descriptor: descriptor, path: path)
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(count: Int, at offset: UInt64) throws(LogError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(LogError) in
                    try Self.call("read", path) {
                        try descriptor.read(
                            fromAbsoluteOffset: Int64(offset) + Int64(filled),
                            into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
                            retryOnInterrupt: true
                        )
                    }
                }
            }.get()
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// Writes all of `bytes` at `offset`, continuing after short writes.
    func writeAll(_ bytes: [UInt8], at offset: UInt64) throws(LogError) {
        var written = 0
        while written < bytes.count {
            let count = try bytes.withUnsafeBytes { buffer in
                Result { () throws(LogError) in
                    try Self.call("write", path) {
                        try descriptor.write(
                            toAbsoluteOffset: Int64(offset) + Int64(written),
                            UnsafeRawBufferPointer(rebasing: buffer[written...]),
                            retryOnInterrupt: true
                        )
                    }
                }
            }.get()
            // A regular file never accepts zero bytes of a non-empty write without an error; stop rather than spin.
            guard count > 0 else { throw Self.systemError("write", path, errno: EIO) }
            written += count
        }
    }

    /// fdatasync: the data and the metadata needed to read it back (the size) are on stable storage.
    func synchronizeData() throws(LogError) {
        try retryingInterrupts("fdatasync") { fdatasync(descriptor.rawValue) }
    }

    /// fsync: data and all metadata are on stable storage.
    func synchronize() throws(LogError) {
        try retryingInterrupts("fsync") { fsync(descriptor.rawValue) }
    }

    func size() throws(LogError) -> UInt64 {
        let end = try Self.call("lseek", path) { try descriptor.seek(offset: 0, from: .end) }
        return UInt64(end)
    }

    func truncate(to size: UInt64) throws(LogError) {
        try Self.call("ftruncate", path) { try descriptor.resize(to: Int64(size), retryOnInterrupt: true) }
    }

    /// Takes the exclusive advisory lock that marks the one writer; fails at once if another process holds it.
    func lockExclusively() throws(LogError) {
        while flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == -1 {
            let error = Glibc.errno
            if error == EINTR { continue }
            if error == EWOULDBLOCK {
                throw LogError(
                    code: LogErrorCode.locked,
                    message: "Another process holds \(path) open for writing (is another accordd running?). "
                        + "Stop it first: a log has exactly one writer.",
                    errno: error
                )
            }
            throw Self.systemError("flock", path, errno: error)
        }
    }

    func close() throws(LogError) {
        try Self.call("close", path) { try descriptor.close() }
    }

    /// Makes a directory entry change (create, rename, link, unlink) in the directory of `path` durable.
    static func synchronizeDirectory(containing path: FilePath) throws(LogError) {
        var directoryPath = path
        directoryPath.removeLastComponent()
        if directoryPath.isEmpty { directoryPath = "." }
        let directory = try call("open directory", directoryPath) {
            try FileDescriptor.open(directoryPath, .readOnly, options: [.directory, .closeOnExec])
        }
        let file = LogFile(descriptor: directory, path: directoryPath)
        let synchronized = Result { () throws(LogError) in try file.synchronize() }
        try file.close()
        try synchronized.get()
    }

    /// Creates the name `newPath` for the file at `existingPath`, failing if `newPath` exists (never replaces).
    /// Returns false if it exists.
    static func linkUnlessExists(_ existingPath: FilePath, to newPath: FilePath) throws(LogError) -> Bool {
        while link(existingPath.string, newPath.string) == -1 {
            let error = Glibc.errno
            if error == EINTR { continue }
            if error == EEXIST { return false }
            throw systemError("link to \(newPath)", existingPath, errno: error)
        }
        return true
    }

    /// Gives the file at `existingPath` the name `newPath`, replacing any file of that name.
    static func rename(_ existingPath: FilePath, to newPath: FilePath) throws(LogError) {
        while Glibc.rename(existingPath.string, newPath.string) == -1 {
            let error = Glibc.errno
            if error == EINTR { continue }
            throw systemError("rename to \(newPath)", existingPath, errno: error)
        }
    }

    static func remove(_ path: FilePath) throws(LogError) {
        while unlink(path.string) == -1 {
            let error = Glibc.errno
            if error == EINTR { continue }
            throw systemError("unlink", path, errno: error)
        }
    }

    static func exists(_ path: FilePath) throws(LogError) -> Bool {
        var status = stat()
        if stat(path.string, &status) == 0 { return true }
        let error = Glibc.errno
        if error == ENOENT { return false }
        throw systemError("stat", path, errno: error)
    }

    private func retryingInterrupts(_ operation: String, _ body: () -> Int32) throws(LogError) {
        while body() == -1 {
            let error = Glibc.errno
            if error == EINTR { continue }
            throw Self.systemError(operation, path, errno: error)
        }
    }

    private static func call<Value>(_ operation: String, _ path: FilePath, _ body: () throws -> Value) throws(LogError)
        -> Value
    {
        do {
            return try body()
        } catch let error as Errno {
            throw systemError(operation, path, errno: error.rawValue)
        } catch {
            throw LogError(code: LogErrorCode.ioError, message: "\(operation) \(path) failed: \(error)")
        }
    }

    static func systemError(_ operation: String, _ path: FilePath, errno: Int32) -> LogError {
        LogError(
            code: LogErrorCode.ioError,
            message: "\(operation) \(path) failed: \(String(cString: strerror(errno))) (errno \(errno)). Check the "
                + "path, its permissions and the file system (free space, read-only mount, I/O errors in the "
                + "kernel log).",
            errno: errno
        )
    }
}
