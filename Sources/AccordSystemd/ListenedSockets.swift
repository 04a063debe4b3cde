import CSystemd

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The listening sockets systemd passed to this process (socket activation), with their
/// `FileDescriptorName=`s, read through `sd_listen_fds_with_names`.
public struct ListenedSockets: Sendable {
    /// The inherited descriptors in order, starting at 3. Empty when the process was not socket-activated.
    public let sockets: [(fd: Int32, name: String)]

    public init(sockets: [(fd: Int32, name: String)]) {
        self.sockets = sockets
    }

    /// Reads and then unsets `LISTEN_FDS`, `LISTEN_PID` and `LISTEN_FDNAMES`, so that child processes do not
    /// believe the sockets are theirs; libsystemd also marks the descriptors close-on-exec. Every descriptor
    /// must be a listening AF_UNIX stream socket, the only kind accordd serves on.
    public static func fromEnvironment() throws(SystemdError) -> ListenedSockets {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        defer { Self.release(names: names) }
        if count < 0 {
            throw SystemdError.listenFileDescriptorsFailed(result: count)
        }
        var sockets: [(fd: Int32, name: String)] = []
        for index in 0..<Int(count) {
            let fileDescriptor = SD_LISTEN_FDS_START + Int32(index)
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            let result = sd_is_socket_unix(fileDescriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0)
            if result <= 0 {
                throw SystemdError.notAListeningUnixStreamSocket(
                    fileDescriptor: fileDescriptor,
                    name: name,
                    result: result
                )
            }
            sockets.append((fd: fileDescriptor, name: name))
        }
        return ListenedSockets(sockets: sockets)
    }

    /// The first descriptor passed with this `FileDescriptorName=`.
    public func socket(named name: String) -> Int32? {
        self.sockets.first { $0.name == name }?.fd
    }

    private static func release(names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
        guard let names else {
            return
        }
        // The array is NULL-terminated and owned by the caller, as is each string in it.
        var index = 0
        while let name = names[index] {
            free(name)
            index += 1
        }
        free(names)
    }
}
