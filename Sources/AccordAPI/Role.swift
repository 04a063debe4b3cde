/// What a local account may do with the ledger. Each role includes `reader`; `admin` includes every role.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Queries, the log, the latest checkpoint and proofs.
    case reader
    /// A reader who may also send the commands that append.
    case recorder
    /// A reader who may also verify, list every checkpoint, sign one now and hand in witness cosignatures.
    case auditor
    /// Everything, erasure and reload included.
    case admin

    /// Whether holding this role is enough for a route that needs `needed`.
    public func grants(_ needed: Role) -> Bool {
        switch (self, needed) {
        case (.admin, _), (_, .reader): return true
        default: return self == needed
        }
    }

    public static func < (left: Role, right: Role) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
