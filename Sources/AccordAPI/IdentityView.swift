/// `GET /v1/whoami`: who the daemon takes the caller to be (from the kernel, never from the request) and the
/// roles its policy gives them.
public struct IdentityView: Codable, Sendable, Equatable {
    public var userID: UInt32
    public var userName: String
    public var groupID: UInt32
    public var processID: Int32
    /// Supplementary groups as the kernel reported them for the connection, by name where the group has one.
    public var groups: [String]
    /// Empty when the policy gives none: every other route is then refused.
    public var roles: [Role]

    public init(
        userID: UInt32,
        userName: String,
        groupID: UInt32,
        processID: Int32,
        groups: [String],
        roles: [Role]
    ) {
        self.userID = userID
        self.userName = userName
        self.groupID = groupID
        self.processID = processID
        self.groups = groups
        self.roles = roles
    }
}
