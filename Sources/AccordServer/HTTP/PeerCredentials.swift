#if canImport(Glibc)
    import Glibc
#endif

/// Who is on the other end of a Unix socket connection, as the kernel says (SO_PEERCRED), not as the client claims.
public struct PeerCredentials: Sendable, Equatable {
    public var processID: Int32
    public var userID: UInt32
    public var groupID: UInt32
    /// The account name of `userID`, or the number itself when no account has it.
    public var userName: String

    public init(processID: Int32, userID: UInt32, groupID: UInt32, userName: String) {
        self.processID = processID
        self.userID = userID
        self.groupID = groupID
        self.userName = userName
    }

    /// Looks the user name up in the password database (getpwuid_r), which works under ProtectSystem=strict.
    public static func userName(of userID: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(userID, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else {
            return String(userID)
        }
        return String(cString: name)
    }
}
