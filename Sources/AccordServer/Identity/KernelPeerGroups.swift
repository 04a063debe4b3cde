/// Room for the peer's supplementary groups as SO_PEERGROUPS writes them (gid_t values), read through SwiftNIO's
/// fixed-size socket option call. 64 groups fit; a peer with more makes the call fail with ERANGE and its groups
/// are then taken from the user database (see `PeerGroups`).
struct KernelPeerGroups {
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    static let capacity = MemoryLayout<KernelPeerGroups>.size / MemoryLayout<UInt32>.size

    /// The group ids written. SwiftNIO zeroes the buffer and keeps the written length to itself, so unused room
    /// reads as gid 0; the kernel lists groups in ascending order, so only a leading 0 is a real group (root).
    var groupIDs: [UInt32] {
        withUnsafeBytes(of: storage) { raw in
            let all = Array(raw.bindMemory(to: UInt32.self))
            guard let last = all.lastIndex(where: { $0 != 0 }) else { return [] }
            return Array(all[...last])
        }
    }
}
