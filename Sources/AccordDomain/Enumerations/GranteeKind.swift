/// Who an infrastructure access is granted to: one registered person, or a team named by the grant.
public enum GranteeKind: String, DomainEnumeration {
    case person
    case team
}
