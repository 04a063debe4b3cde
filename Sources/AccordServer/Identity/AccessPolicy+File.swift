import AccordAPI
import Foundation

extension AccessPolicy {
    /// The policy file's format, one grant a line (docs/security.md):
    ///
    ///     # comment
    ///     user  alice           recorder
    ///     user  1001            auditor,recorder
    ///     group accord-readers  reader
    ///
    /// Names are resolved when the file is loaded, so a typo is an error, not a grant to nobody.
    public static let maximumFileBytes = 1024 * 1024

    public static func load(path: String, daemonUserID: UInt32) throws(PolicyError) -> AccessPolicy {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PolicyError(
                message: "cannot read the policy file \(path); check that it exists and that accordd may read it"
            )
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileBytes + 1)) ?? Data()
        guard data.count <= maximumFileBytes else {
            throw PolicyError(message: "\(path) is larger than \(maximumFileBytes) bytes; it holds one grant a line")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(message: "\(path) is not UTF-8 text")
        }
        return try parse(
            text,
            path: path,
            daemonUserID: daemonUserID,
            userID: AccountDatabase.userID(named:),
            groupID: AccountDatabase.groupID(named:)
        )
    }

    public static func parse(
        _ text: String,
        path: String,
        daemonUserID: UInt32,
        userID: (String) -> UInt32?,
        groupID: (String) -> UInt32?
    ) throws(PolicyError) -> AccessPolicy {
        var policy = AccessPolicy(userRoles: alwaysAdmin(daemonUserID), groupRoles: [:], path: path)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard !words.isEmpty else { continue }
            func failure(_ rule: String) -> PolicyError {
                PolicyError(message: "\(path) line \(number): \(rule)", line: number)
            }
            guard words.count == 3 else {
                throw failure(
                    "expected three words, `user NAME ROLES` or `group NAME ROLES`, found \(words.count)"
                )
            }
            var roles: Set<Role> = []
            for name in words[2].split(separator: ",", omittingEmptySubsequences: false) {
                guard let role = Role(rawValue: String(name)) else {
                    throw failure(
                        "unknown role \"\(name)\"; the roles are \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                roles.insert(role)
            }
            let subject = words[1]
            switch words[0] {
            case "user":
                guard let id = UInt32(subject) ?? userID(subject) else {
                    throw failure(
                        "no user named \"\(subject)\" in the user database; check the spelling, or give the uid as a number"
                    )
                }
                policy.userRoles[id, default: []].formUnion(roles)
            case "group":
                guard let id = UInt32(subject) ?? groupID(subject) else {
                    throw failure(
                        "no group named \"\(subject)\" in the user database; check the spelling, or give the gid as a number"
                    )
                }
                policy.groupRoles[id, default: []].formUnion(roles)
            default:
                throw failure("a grant starts with `user` or `group`, not \"\(words[0])\"")
            }
        }
        return policy
    }
}
