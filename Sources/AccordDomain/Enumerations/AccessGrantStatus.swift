/// Where an access grant stands.
///
/// Judged on a day (a query's `on`): `notYetValid` before `validFrom`, `valid` from `validFrom` to its last valid
/// day, `expired` after `validUntil`, and `revoked` from the revocation day on. Without a day, only what the log
/// says: `revoked` once a revocation is recorded, else `granted`.
public enum AccessGrantStatus: String, DomainEnumeration {
    case notYetValid
    case valid
    case expired
    case revoked
    /// Without a day: not revoked, whatever its dates.
    case granted
}
