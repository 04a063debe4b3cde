import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Makes a socket path ready to bind: its folder exists, a stale socket file is removed, a live one is never stolen.
enum SocketPathPreparation {
    static func prepare(_ path: String) throws(ServerError) {
        guard path.utf8.count < 108 else {
            throw ServerError(
                code: "socket_path_too_long",
                message:
                    "socket path \(path) is longer than the 107 bytes a Unix socket address holds; choose a shorter --socket"
            )
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755]
                )
            } catch {
                throw ServerError(
                    code: "socket_folder_unavailable",
                    message: "cannot create the socket's folder \(folder); create it or choose another --socket",
                    cause: error
                )
            }
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFSOCK else {
            throw ServerError(
                code: "socket_path_occupied",
                message: "\(path) exists and is not a socket; move it away or choose another --socket"
            )
        }
        if isAnswering(path) {
            throw ServerError(
                code: "socket_in_use",
                message:
                    "another process is serving on \(path); stop it first (is accordd already running?) or choose another --socket"
            )
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw ServerError(
                code: "stale_socket_not_removable",
                message: "cannot remove the stale socket \(path) (errno \(errno)); remove it by hand"
            )
        }
    }

    /// A socket file whose listener is gone refuses connections; one that accepts belongs to a live server.
    static func isAnswering(_ path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }
}
