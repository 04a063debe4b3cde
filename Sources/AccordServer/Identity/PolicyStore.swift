import Synchronization

/// The policy in force, replaced whole at a reload; requests read it once each.
public final class PolicyStore: Sendable {
    private let policy: Mutex<AccessPolicy>

    public init(_ policy: AccessPolicy) {
        self.policy = Mutex(policy)
    }

    public var current: AccessPolicy {
        get { policy.withLock { $0 } }
        set { policy.withLock { $0 = newValue } }
    }
}
