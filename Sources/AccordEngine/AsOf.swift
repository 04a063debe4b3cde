import Foundation

/// Which past a query reads: the ledger as it stood at a position, or at a recorded time (what it knew then).
public enum AsOf: Sendable, Equatable {
    case position(UInt64)
    case recordedAt(Date)
}
