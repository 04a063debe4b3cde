/// The layout of Linux's `struct ucred` (pid_t, uid_t, gid_t), which Swift's Glibc module hides behind _GNU_SOURCE.
struct KernelPeerCredentials: Sendable {
    var processID: Int32 = 0
    var userID: UInt32 = 0
    var groupID: UInt32 = 0
}
