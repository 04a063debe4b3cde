/// The numbering of slots that a `RecordMap` and its copies follow: one map's slots may serve another only when
/// they share it (the same instance). A map built otherwise (decoded, or grown from another empty map) numbers its
/// ids in another order.
final class SlotNumbering: Sendable {}
