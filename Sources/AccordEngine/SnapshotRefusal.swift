/// Why a start did not use `ledger.snapshot`, in words for the daemon's log ("it is damaged: …", "it is stale: …").
struct SnapshotRefusal: Error, Sendable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
