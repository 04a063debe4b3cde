/// Where an agreement stands on a given day.
public enum AgreementStatus: String, DomainEnumeration {
    case notYetInForce
    case inForce
    case expired
    case terminated
}
