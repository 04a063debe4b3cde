import Glibc

/// getsockopt(SO_PEERGROUPS) on a connected Unix socket, with the length the kernel returns: the supplementary
/// groups the peer had when it connected, as many as it has (a lone gid 0 included), in the kernel's order.
enum PeerGroupsOption {
    /// SO_PEERGROUPS (Linux 4.13), which Swift's Glibc module does not export.
    static let name: Int32 = 59
    /// Room for this many groups at first; a peer with more makes the kernel answer ERANGE with the length needed.
    static let initialCapacity = 64

    /// The groups, or nil when the kernel cannot say (ENOPROTOOPT before Linux 4.13, ENODATA on a socket without
    /// peer credentials): the caller then asks the user database.
    static func read(socket descriptor: Int32) -> [UInt32]? {
        var capacity = initialCapacity
        while true {
            var groups = [UInt32](repeating: 0, count: capacity)
            var length = socklen_t(capacity * MemoryLayout<UInt32>.size)
            let result = groups.withUnsafeMutableBytes { buffer in
                getsockopt(descriptor, SOL_SOCKET, name, buffer.baseAddress, &length)
            }
            if result == 0 {
                return Array(groups.prefix(Int(length) / MemoryLayout<UInt32>.size))
            }
            let error = errno
            switch error {
            case EINTR:
                continue
            // The kernel wrote the length it needs; the list can only have grown past it if the call raced.
            case ERANGE where Int(length) / MemoryLayout<UInt32>.size > capacity:
                capacity = Int(length) / MemoryLayout<UInt32>.size
            default:
                return nil
            }
        }
    }
}
