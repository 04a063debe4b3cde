/// Who is on the other end of a Unix socket connection, as the kernel says (SO_PEERCRED, SO_PEERGROUPS), never as
/// the client claims.
public struct PeerCredentials: Sendable, Equatable {
    public var processID: Int32
    public var userID: UInt32
    public var groupID: UInt32
    /// The supplementary groups of the peer when it connected.
    public var groupIDs: [UInt32]
    /// The account name of `userID`, or the number itself when no account has it.
    public var userName: String

    public init(processID: Int32, userID: UInt32, groupID: UInt32, groupIDs: [UInt32] = [], userName: String) {
        self.processID = processID
        self.userID = userID
        self.groupID = groupID
        self.groupIDs = groupIDs
        self.userName = userName
    }

    /// Looks the user name up in the password database, which works under ProtectSystem=strict.
    public static func userName(of userID: UInt32) -> String {
        AccountDatabase.userName(of: userID) ?? String(userID)
    }

    /// The primary group and the supplementary ones, each once.
    public var allGroupIDs: [UInt32] {
        [groupID] + groupIDs.filter { $0 != groupID }
    }
}
