import NIOPosix

extension AcceptedConnection {
    /// Who the peer is: the kernel's ids with the user's name and, where the kernel could not give them (before
    /// Linux 4.13), the groups from the user database. A lookup there may wait on a directory service (NSS: LDAP,
    /// sssd), so it runs on NIO's blocking-work pool, never on Swift's cooperative pool or an event loop.
    func peer(names: UserNameCache) async -> PeerCredentials {
        let (userID, groupID, kernelGroupIDs) = (userID, groupID, groupIDs)
        let known: (userName: String, groupIDs: [UInt32])
        if let kernelGroupIDs, let userName = names.cachedName(of: userID) {
            known = (userName, kernelGroupIDs)
        } else {
            do {
                known = try await NIOThreadPool.singleton.runIfActive {
                    let userName = names.name(of: userID)
                    return (userName, kernelGroupIDs ?? AccountDatabase.groupIDs(ofUser: userName, primary: groupID))
                }
            } catch {
                // The shared pool is not shut down while the daemon runs; were it, the peer would be known by its
                // ids and the kernel's groups alone, which can only grant less.
                known = (String(userID), kernelGroupIDs ?? [])
            }
        }
        return PeerCredentials(
            processID: processID,
            userID: userID,
            groupID: groupID,
            groupIDs: known.groupIDs,
            userName: known.userName
        )
    }
}
