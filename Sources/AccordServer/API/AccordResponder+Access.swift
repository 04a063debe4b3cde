import AccordAPI
import Foundation
import Logging

extension AccordResponder {
    /// The caller's roles, or a 403 naming the role the route needs and how to get it; refusals are logged with
    /// the uid and pid the kernel gave.
    func authorize(_ request: HTTPRequest) throws -> Set<Role> {
        let policy = policy.current
        let roles = policy.roles(of: request.peer)
        guard case .role(let needed) = RouteRoles.access(method: request.method, path: request.path) else {
            return roles
        }
        guard !roles.contains(where: { $0.grants(needed) }) else { return roles }
        let peer = request.peer
        logger.notice(
            "refused: the route needs a role the caller does not hold",
            metadata: [
                "uid": "\(peer.userID)", "pid": "\(peer.processID)", "user": "\(peer.userName)",
                "method": "\(request.method)", "path": "\(request.path.prefix(200))", "role": "\(needed.rawValue)",
                "roles": "\(roles.sorted().map(\.rawValue).joined(separator: ","))",
            ]
        )
        let held =
            roles.isEmpty ? "holds no role" : "holds only \(roles.sorted().map(\.rawValue).joined(separator: ", "))"
        throw APIFailure(
            status: .forbidden,
            code: "role_required",
            message:
                "\(request.method) \(request.path.prefix(200)) needs the role \(needed.rawValue); \(peer.userName) (uid \(peer.userID)) \(held). To get it, \(policy.howToGrant(needed, userName: peer.userName))",
            role: needed
        )
    }

    /// The 403 for a caller without the role a route in front of this API needs (the daemon's reload), else nil.
    public func refusalUnlessAuthorized(_ request: HTTPRequest) -> HTTPResponse? {
        do {
            _ = try authorize(request)
            return nil
        } catch let failure as APIFailure {
            return failure.response
        } catch {
            return refusal(status: 500, code: "internal_error", message: "cannot check the caller's role: \(error)")
        }
    }

    func whoami(_ request: HTTPRequest, roles: Set<Role>) throws -> HTTPResponse {
        let peer = request.peer
        let view = IdentityView(
            userID: peer.userID,
            userName: peer.userName,
            groupID: peer.groupID,
            processID: peer.processID,
            groups: peer.groupIDs.map { AccountDatabase.groupName(of: $0) ?? String($0) },
            roles: roles.sorted()
        )
        return try AccordResponder.json(view)
    }
}
