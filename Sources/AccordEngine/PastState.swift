import AccordDomain
import Foundation

/// The state a query reads, and the position it reflects: the head's, or the as-of position asked for.
public struct PastState: Sendable {
    public var state: LedgerState
    /// The last event folded in; 0 for an empty ledger (or a time before its first event could not be asked).
    public var position: UInt64
    /// When the event at `position` was recorded; nil for an empty ledger.
    public var recordedAt: Date?
}
