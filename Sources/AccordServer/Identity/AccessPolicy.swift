import AccordAPI

/// Who holds which role: users and groups by number, resolved from the policy file or the defaults when loaded.
/// Root and the daemon's own user are always admin, with or without a file: both can read the data files anyway.
public struct AccessPolicy: Sendable, Equatable {
    public var userRoles: [UInt32: Set<Role>]
    public var groupRoles: [UInt32: Set<Role>]
    /// The policy file, or nil for the defaults.
    public var path: String?

    public init(userRoles: [UInt32: Set<Role>], groupRoles: [UInt32: Set<Role>], path: String?) {
        self.userRoles = userRoles
        self.groupRoles = groupRoles
        self.path = path
    }

    /// The groups that give a role when there is no policy file; `systemd/accord.sysusers` creates them.
    public static let defaultGroups: [(name: String, role: Role)] = [
        ("accord-readers", .reader), ("accord-recorders", .recorder), ("accord-auditors", .auditor),
    ]

    /// Without a policy file: root and the daemon's user are admin, the default groups that exist give their roles.
    public static func defaults(daemonUserID: UInt32, groupID: (String) -> UInt32?) -> AccessPolicy {
        var groups: [UInt32: Set<Role>] = [:]
        for (name, role) in defaultGroups {
            if let id = groupID(name) { groups[id, default: []].insert(role) }
        }
        return AccessPolicy(userRoles: alwaysAdmin(daemonUserID), groupRoles: groups, path: nil)
    }

    static func alwaysAdmin(_ daemonUserID: UInt32) -> [UInt32: Set<Role>] {
        Dictionary(uniqueKeysWithValues: Set([0, daemonUserID]).map { ($0, [Role.admin]) })
    }

    /// Every role the peer's user and groups hold.
    public func roles(of peer: PeerCredentials) -> Set<Role> {
        var roles = userRoles[peer.userID] ?? []
        for group in peer.allGroupIDs { roles.formUnion(groupRoles[group] ?? []) }
        return roles
    }

    /// The account change that gives a user `role`, said in a refusal.
    public func howToGrant(_ role: Role, userName: String) -> String {
        if let path { return "ask an administrator to grant it to \(userName) in \(path)" }
        if let group = AccessPolicy.defaultGroups.first(where: { $0.role == role })?.name {
            return
                "ask an administrator to add \(userName) to the group \(group) (usermod --append --groups \(group) \(userName)), then connect again"
        }
        return "ask an administrator to grant it to \(userName) in a policy file (accordd --policy, see docs/security.md)"
    }
}
