import Synchronization

/// Account names by uid, looked up once each (`PeerCredentials.userName(of:)` reads the password database, which
/// may be NSS over the network) instead of once per connection. `forgetAll()` on SIGHUP picks up renamed accounts.
public final class UserNameCache: Sendable {
    private let names = Mutex<[UInt32: String]>([:])
    /// Distinct uids remembered at most; past it the cache starts again, so a flood of uids cannot grow it.
    static let maximumEntries = 4_096

    public init() {}

    /// The name if it was looked up before, without asking the user database.
    func cachedName(of userID: UInt32) -> String? {
        names.withLock { $0[userID] }
    }

    /// Asks the user database on a miss, which may block: call it off Swift's cooperative pool.
    public func name(of userID: UInt32) -> String {
        if let known = cachedName(of: userID) { return known }
        // Looked up outside the lock: a slow directory service must not stall other connections.
        let name = PeerCredentials.userName(of: userID)
        names.withLock { names in
            if names.count >= UserNameCache.maximumEntries { names = [:] }
            names[userID] = name
        }
        return name
    }

    public func forgetAll() {
        names.withLock { $0 = [:] }
    }
}
