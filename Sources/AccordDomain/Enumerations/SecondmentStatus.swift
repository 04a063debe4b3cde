/// Where a secondment stands.
///
/// Judged on a day (a query's `on`): `planned` before its start, `active` from its start to its last day (the
/// recorded end, or else the planned end), `ended` after a recorded end, and `overdue` after the planned end when no
/// end was recorded: the person should have left, so the log lacks an end or an extension. Without a day, only what
/// the log says: `ended` once an end is recorded, else `open`.
public enum SecondmentStatus: String, DomainEnumeration {
    case planned
    case active
    case overdue
    case ended
    /// Without a day: no end recorded yet.
    case open
}
