/// What kind of body an institution is; enough to group figures, not a legal classification.
public enum InstitutionKind: String, DomainEnumeration {
    case researchOrganisation
    case university
    case commissionService
    case governmentAgency
    case internationalOrganisation
    case company
    case other
}
