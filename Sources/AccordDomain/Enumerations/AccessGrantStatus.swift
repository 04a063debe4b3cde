/// Whether a grant has been revoked; validity on a day is answered by the `on` filter.
public enum AccessGrantStatus: String, DomainEnumeration {
    case granted
    case revoked
}
